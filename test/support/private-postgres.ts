import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPostgresBinaries } from "../../scripts/services/find-postgres-binaries.ts";
import { isRoot } from "../../scripts/services/is-root.ts";
import { startLocalPostgres, stopLocalPostgres } from "../../scripts/services/local-postgres.ts";
import { postgresPaths, readClusterVersion } from "../../scripts/services/postgres-paths.ts";
import { lastLines, runCommand } from "../../scripts/services/run-command.ts";

/** A PostgreSQL cluster of one test file's own, which the test may restart or stop at will. */
export interface PrivatePostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  databaseUrl: string;
  /** `pg_ctl restart -m fast`: every open connection is cut, the server answers again once this resolves. */
  restart(): Promise<void>;
  /** An outage: stops the server (`pg_ctl stop -m fast`) until `start()`. */
  pause(): Promise<void>;
  /** Starts the paused server again on the same port. */
  start(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("pas de port libre");
  return address.port;
}

/**
 * Starts a throwaway cluster from the installed binaries on a free loopback port, in a
 * temporary folder: fault tests restart it without touching the machine's shared
 * PostgreSQL, which other test files use at the same time.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), "bpc40-faults-pg-"));
  const databaseUrl = `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`;
  const log = () => {};
  await startLocalPostgres(databaseUrl, dataDir, log);
  const { clusterDir, logFile } = postgresPaths(dataDir);
  const binaries = findPostgresBinaries(readClusterVersion(clusterDir));
  if (!binaries) throw new Error("pg_ctl introuvable");
  const asUser = isRoot() ? "postgres" : undefined;
  return {
    databaseUrl,
    async restart() {
      // The log file keeps the server off our pipe (runCommand waits for it to close).
      // pg_ctl restart reuses the options of the running server (postmaster.opts): same port.
      const result = await runCommand(
        binaries.pgCtl,
        ["-D", clusterDir, "-l", logFile, "-m", "fast", "-w", "-t", "30", "restart"],
        {
          asUser,
          cwd: "/",
        },
      );
      if (result.code !== 0) throw new Error(`pg_ctl restart a échoué :\n${lastLines(result.output)}`);
    },
    async pause() {
      await stopLocalPostgres(dataDir, log);
    },
    async start() {
      await startLocalPostgres(databaseUrl, dataDir, log);
    },
    async stop() {
      await stopLocalPostgres(dataDir, log);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
