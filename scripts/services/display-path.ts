import { isAbsolute, relative } from "node:path";

/** A path as a person reads it in a log line: relative to the current folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
