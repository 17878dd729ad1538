import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ConfigError, loadConfig } from "../domain/config/load-config.ts";
import { stopLocalPostgres } from "./services/local-postgres.ts";
import { ensurePostgres } from "./services/postgres.ts";
import { ensureRedis, stopRedis } from "./services/redis.ts";
import { ServiceError } from "./services/service-error.ts";
import type { ResolvedServicesOptions, ServicesOptions } from "./services/services-options.ts";

export { ServiceError } from "./services/service-error.ts";
export type { Log, ServicesOptions } from "./services/services-options.ts";

/** The project's git-ignored data folder, `.data` at the repository root. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../.data", import.meta.url));

function withDefaults(options: ServicesOptions): ResolvedServicesOptions {
  return {
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    dataDir: resolve(options.dataDir ?? DEFAULT_DATA_DIR),
    log: options.log ?? ((line) => console.log(line)),
  };
}

/** What {@link ensureServices} did: `available` means it found the service already answering. */
export interface ServicesReport {
  postgres: "available" | "started";
  redis: "available" | "started";
  /** Databases created by this call (the application's and `bpc40_test`), in that order. */
  createdDatabases: string[];
}

/**
 * Makes PostgreSQL and Redis answer at the given URLs, from a fresh machine too: uses servers
 * already running, else (loopback URLs only) starts the project's own from `dataDir`,
 * installing the Debian packages first when missing and running as root. Creates the
 * application's and the tests' databases. Idempotent: a second call only checks.
 * Throws a {@link ServiceError} (French message, no secret) when it cannot.
 */
export async function ensureServices(options: ServicesOptions): Promise<ServicesReport> {
  const resolved = withDefaults(options);
  const postgres = await ensurePostgres(resolved);
  const redisStarted = await ensureRedis(resolved);
  return {
    postgres: postgres.started ? "started" : "available",
    redis: redisStarted ? "started" : "available",
    createdDatabases: postgres.createdDatabases,
  };
}

/**
 * Stops the instances {@link ensureServices} started from `dataDir` (pg_ctl stop -m fast,
 * Redis SHUTDOWN NOSAVE); servers it did not start are left alone. For tests and cleanup.
 */
export async function stopServices(options: ServicesOptions): Promise<void> {
  const resolved = withDefaults(options);
  await stopRedis(resolved);
  await stopLocalPostgres(resolved.dataDir, resolved.log);
}

/** `npm run services` (and the start of `npm test`): exit code 0 when both services answer, else 1. */
async function main(): Promise<number> {
  try {
    const config = loadConfig(process.env);
    await ensureServices({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL });
    return 0;
  } catch (error) {
    const known = error instanceof ServiceError || error instanceof ConfigError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(known ? message : `Échec inattendu de la préparation des services : ${message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
