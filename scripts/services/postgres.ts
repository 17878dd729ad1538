import { TEST_DATABASE_NAME } from "../test-database-url.ts";
import { createDatabases } from "./create-databases.ts";
import { isLoopback } from "./is-loopback.ts";
import { startLocalPostgres } from "./local-postgres.ts";
import { probePostgres } from "./probe-postgres.ts";
import { ServiceError } from "./service-error.ts";
import type { ResolvedServicesOptions } from "./services-options.ts";

export interface PostgresOutcome {
  /** True when this call started the project's own instance. */
  started: boolean;
  /** Databases this call created (the application's and the tests'). */
  createdDatabases: string[];
}

/** The database a PostgreSQL URL names; like libpq, the user's name when the path is empty. */
export function databaseName(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || "postgres";
}

/**
 * Makes PostgreSQL answer at `databaseUrl`: uses a server already there, else starts the
 * project's own from the data folder (loopback addresses only). Then creates the
 * application's database and the tests' one (`bpc40_test`) when missing.
 */
export async function ensurePostgres(options: ResolvedServicesOptions): Promise<PostgresOutcome> {
  const { databaseUrl, log } = options;
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || "5432"}`;
  const probe = await probePostgres(databaseUrl);
  if (probe.state === "rejected") {
    throw new ServiceError(
      `PostgreSQL répond sur ${where} mais refuse la connexion : ${probe.reason}. Vérifiez l'utilisateur et le mot de passe de DATABASE_URL.`,
    );
  }
  if (probe.state === "unreachable" && !isLoopback(url.hostname)) {
    throw new ServiceError(
      `PostgreSQL ne répond pas sur ${where} (${probe.reason}). Ce serveur n'est pas sur cette machine : démarrez-le ou corrigez DATABASE_URL.`,
    );
  }
  if (probe.state === "ready") log(`PostgreSQL déjà disponible sur ${where}`);
  else await startLocalPostgres(databaseUrl, options.dataDir, log);

  const wanted = [...new Set([databaseName(databaseUrl), TEST_DATABASE_NAME])];
  const createdDatabases = await createDatabases(databaseUrl, wanted);
  for (const name of createdDatabases) log(`Base ${name} créée sur ${where}`);
  return { started: probe.state !== "ready", createdDatabases };
}
