/** True when this process runs as root: it may install packages, and must not run PostgreSQL itself. */
export function isRoot(): boolean {
  return process.getuid?.() === 0;
}
