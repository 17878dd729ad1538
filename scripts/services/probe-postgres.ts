import pg from "pg";
import type { ProbeResult } from "./services-options.ts";
import { waitUntil } from "./wait-until.ts";
import { withMaintenanceClient } from "./with-maintenance-client.ts";

/** SQLSTATE cannot_connect_now: the server is starting or shutting down; ask again later. */
const NOT_YET = "57P03";

/**
 * Tries a real connection and query. `rejected` means a PostgreSQL server answered but
 * refused us (authentication, missing role…): starting another one would not help.
 */
export async function probePostgres(databaseUrl: string, timeoutMs = 2000): Promise<ProbeResult> {
  try {
    await withMaintenanceClient(databaseUrl, (client) => client.query("SELECT 1"), timeoutMs);
    return { state: "ready" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const refusedByServer = error instanceof pg.DatabaseError && error.code !== NOT_YET;
    return refusedByServer ? { state: "rejected", reason } : { state: "unreachable", reason };
  }
}

/** Probes until the server answers or refuses us, or `timeoutMs` passes; returns the last probe. */
export async function waitForPostgres(databaseUrl: string, timeoutMs: number): Promise<ProbeResult> {
  let last: ProbeResult = { state: "unreachable", reason: "pas encore de réponse" };
  await waitUntil(async () => {
    last = await probePostgres(databaseUrl);
    return last.state !== "unreachable";
  }, timeoutMs);
  return last;
}
