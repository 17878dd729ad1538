import { readFile } from "node:fs/promises";
import { displayPath } from "./display-path.ts";
import { findPostgresBinaries, type PostgresBinaries } from "./find-postgres-binaries.ts";
import { INSTALL_HINT, installPackages } from "./install-packages.ts";
import { listenAddress } from "./is-loopback.ts";
import { isRoot } from "./is-root.ts";
import { lookupUser } from "./lookup-user.ts";
import { postgresPaths, readClusterVersion } from "./postgres-paths.ts";
import { prepareClusterDir } from "./prepare-cluster-dir.ts";
import { waitForPostgres } from "./probe-postgres.ts";
import { lastLines, runCommand } from "./run-command.ts";
import { ServiceError } from "./service-error.ts";
import type { Log } from "./services-options.ts";

/** Unix socket paths are limited to 107 bytes; past that the server gets no socket (TCP only). */
const MAX_SOCKET_PATH = 100;

/** PostgreSQL refuses to run as root: as root, its programs run as the Debian package's `postgres` user. */
function serverUser(): string | undefined {
  if (!isRoot()) return undefined;
  if (!lookupUser("postgres")) {
    throw new ServiceError(
      `L'utilisateur système postgres est introuvable (PostgreSQL refuse de tourner en root) : ${INSTALL_HINT}`,
    );
  }
  return "postgres";
}

async function binariesFor(version: string | undefined, log: Log): Promise<PostgresBinaries> {
  const found = findPostgresBinaries(version);
  if (found) return found;
  await installPackages(["postgresql"], "PostgreSQL", log);
  const installed = findPostgresBinaries(version);
  if (!installed)
    throw new ServiceError(`initdb et pg_ctl restent introuvables après l'installation : ${INSTALL_HINT}`);
  return installed;
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * Starts the project's own PostgreSQL from `<dataDir>/postgres` on the host and port of
 * `databaseUrl` (loopback only), creating the cluster first when needed: trust
 * authentication, the URL's user as superuser. Resolves once the server answers.
 */
export async function startLocalPostgres(databaseUrl: string, dataDir: string, log: Log): Promise<void> {
  const url = new URL(databaseUrl);
  const port = url.port || "5432";
  const paths = postgresPaths(dataDir);
  const shown = displayPath(paths.clusterDir);
  const version = readClusterVersion(paths.clusterDir);
  const { initdb, pgCtl } = await binariesFor(version, log);
  const asUser = serverUser();
  await prepareClusterDir(paths, asUser ? lookupUser(asUser) : undefined, log);
  const run = (command: string, args: string[]) => runCommand(command, args, { asUser, cwd: "/" });

  if (!version) {
    const base = [
      "-D",
      paths.clusterDir,
      "--auth=trust",
      `--username=${decodeURIComponent(url.username) || "postgres"}`,
      "--encoding=UTF8",
    ];
    let result = await run(initdb, [...base, "--locale=C.UTF-8"]);
    // C.UTF-8 (Unicode-aware upper/lower for French text) is missing on some older systems.
    if (result.code !== 0 && /locale/i.test(result.output)) result = await run(initdb, [...base, "--locale=C"]);
    if (result.code !== 0) throw new ServiceError(`initdb a échoué dans ${shown} :\n${lastLines(result.output)}`);
    log(`PostgreSQL initialisé dans ${shown}`);
  }

  const socketDir = `${paths.clusterDir}/.s.PGSQL.${port}`.length <= MAX_SOCKET_PATH ? paths.clusterDir : "";
  const serverOptions = `-p ${port} -k ${shellQuote(socketDir)} -c listen_addresses=${shellQuote(listenAddress(url.hostname))}`;
  const started = await run(pgCtl, [
    "-D",
    paths.clusterDir,
    "-o",
    serverOptions,
    "-l",
    paths.logFile,
    "-w",
    "-t",
    "30",
    "start",
  ]);
  // A concurrent run may have started it first: what counts is that it answers.
  const probe = await waitForPostgres(databaseUrl, 15_000);
  if (probe.state === "rejected") {
    // Typically the cluster apt-get just installed and started on this port, with password auth.
    throw new ServiceError(
      `Un autre serveur PostgreSQL occupe ${url.hostname}:${port} et refuse la connexion : ${probe.reason}. Arrêtez-le (service postgresql stop) ou choisissez un autre port dans DATABASE_URL.`,
    );
  }
  if (probe.state !== "ready") {
    const serverLog = await readFile(paths.logFile, "utf8").catch(() => "");
    throw new ServiceError(
      `PostgreSQL n'a pas pu démarrer depuis ${shown} :\n${lastLines(`${started.output}\n${serverLog}`)}\nJournal : ${displayPath(paths.logFile)}`,
    );
  }
  log(`PostgreSQL démarré depuis ${shown} sur ${url.hostname}:${port}`);
}

/** Stops (pg_ctl stop -m fast) the instance running from `<dataDir>/postgres`; false when none runs there. */
export async function stopLocalPostgres(dataDir: string, log: Log): Promise<boolean> {
  const paths = postgresPaths(dataDir);
  const binaries = findPostgresBinaries(readClusterVersion(paths.clusterDir));
  if (!binaries) return false;
  const asUser = isRoot() ? "postgres" : undefined;
  const status = await runCommand(binaries.pgCtl, ["-D", paths.clusterDir, "status"], { asUser, cwd: "/" });
  if (status.code !== 0) return false;
  const result = await runCommand(binaries.pgCtl, ["-D", paths.clusterDir, "-m", "fast", "-w", "stop"], {
    asUser,
    cwd: "/",
  });
  if (result.code !== 0) throw new ServiceError(`pg_ctl stop a échoué :\n${lastLines(result.output)}`);
  log(`PostgreSQL arrêté (${displayPath(paths.clusterDir)})`);
  return true;
}
