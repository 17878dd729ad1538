import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { findExecutable, isExecutable } from "./find-executable.ts";

/** Where Debian and Ubuntu install each PostgreSQL major version. */
const DEBIAN_ROOT = "/usr/lib/postgresql";

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

function debianVersions(): string[] {
  if (!existsSync(DEBIAN_ROOT)) return [];
  return readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
}

/**
 * initdb and pg_ctl from one installation: Debian's `/usr/lib/postgresql/<version>/bin`,
 * preferring `clusterVersion` (an existing data folder only starts with its own major
 * version), else the highest; then PATH. Undefined when PostgreSQL is not installed.
 */
export function findPostgresBinaries(clusterVersion?: string): PostgresBinaries | undefined {
  const versions = debianVersions();
  const ordered =
    clusterVersion && versions.includes(clusterVersion)
      ? [clusterVersion, ...versions.filter((v) => v !== clusterVersion)]
      : versions;
  for (const version of ordered) {
    const bin = join(DEBIAN_ROOT, version, "bin");
    const binaries = { initdb: join(bin, "initdb"), pgCtl: join(bin, "pg_ctl") };
    if (isExecutable(binaries.initdb) && isExecutable(binaries.pgCtl)) return binaries;
  }
  const initdb = findExecutable("initdb");
  const pgCtl = findExecutable("pg_ctl");
  return initdb && pgCtl ? { initdb, pgCtl } : undefined;
}
