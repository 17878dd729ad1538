import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** True when `path` is a file this process may execute. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Full path of the program `name`, looked for in `dirs` first, then on `PATH`;
 * undefined when it is not installed.
 */
export function findExecutable(name: string, dirs: string[] = []): string | undefined {
  // PATH is the shell's search path, not application configuration: read it here.
  const searchPath = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  return [...dirs, ...searchPath].map((dir) => join(dir, name)).find(isExecutable);
}
