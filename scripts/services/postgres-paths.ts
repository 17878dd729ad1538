import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The files of the project's own PostgreSQL instance inside the data folder. */
export interface PostgresPaths {
  clusterDir: string;
  logFile: string;
}

/** `<dataDir>/postgres` and `<dataDir>/postgres.log`, absolute. */
export function postgresPaths(dataDir: string): PostgresPaths {
  const root = resolve(dataDir);
  return { clusterDir: join(root, "postgres"), logFile: join(root, "postgres.log") };
}

/** The major version that initialised `clusterDir` (its PG_VERSION file), undefined when not initialised. */
export function readClusterVersion(clusterDir: string): string | undefined {
  try {
    return readFileSync(join(clusterDir, "PG_VERSION"), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}
