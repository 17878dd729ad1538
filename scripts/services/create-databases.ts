import pg from "pg";
import { ServiceError } from "./service-error.ts";
import { withMaintenanceClient } from "./with-maintenance-client.ts";

/** SQLSTATEs a concurrent `CREATE DATABASE` of the same name ends with: it exists now, fine. */
const ALREADY_EXISTS = new Set(["42P04", "23505"]);

/**
 * Creates each database of `names` missing on the server of `databaseUrl` and returns the
 * ones it created. Two runs at once (npm start and npm test) are harmless.
 */
export async function createDatabases(databaseUrl: string, names: string[]): Promise<string[]> {
  return withMaintenanceClient(databaseUrl, async (client) => {
    const created: string[] = [];
    for (const name of names) {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount) continue;
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        created.push(name);
      } catch (error) {
        if (error instanceof pg.DatabaseError && ALREADY_EXISTS.has(error.code ?? "")) continue;
        const reason = error instanceof Error ? error.message : String(error);
        throw new ServiceError(`Impossible de créer la base ${name} : ${reason}`);
      }
    }
    return created;
  });
}
