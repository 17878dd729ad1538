import pg from "pg";

/** SQLSTATE invalid_catalog_name: the database named in the connection does not exist. */
const NO_SUCH_DATABASE = "3D000";

async function connect(databaseUrl: string, database: string, timeoutMs: number): Promise<pg.Client> {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: timeoutMs });
  // A connection dropped later emits 'error'; without a listener it would crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

/**
 * Runs `work` with a client on the server's maintenance database (`postgres`, else
 * `template1`) with the credentials of `databaseUrl`: the target database may not exist yet.
 */
export async function withMaintenanceClient<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
  timeoutMs = 2000,
): Promise<T> {
  const client = await connect(databaseUrl, "postgres", timeoutMs).catch((error: unknown) => {
    if (error instanceof pg.DatabaseError && error.code === NO_SUCH_DATABASE) {
      return connect(databaseUrl, "template1", timeoutMs);
    }
    throw error;
  });
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
