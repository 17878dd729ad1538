import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { displayPath } from "./display-path.ts";
import { findExecutable } from "./find-executable.ts";
import { INSTALL_HINT, installPackages } from "./install-packages.ts";
import { isLoopback, listenAddress } from "./is-loopback.ts";
import { probeRedis } from "./probe-redis.ts";
import { lastLines, runCommand } from "./run-command.ts";
import { ServiceError } from "./service-error.ts";
import type { Log, ResolvedServicesOptions } from "./services-options.ts";
import { waitUntil } from "./wait-until.ts";

/** The files of the project's own Redis inside the data folder. */
function redisPaths(dataDir: string) {
  const root = resolve(dataDir);
  const dir = join(root, "redis");
  return { dir, logFile: join(root, "redis.log"), pidFile: join(dir, "redis.pid") };
}

async function redisServer(log: Log): Promise<string> {
  const found = findExecutable("redis-server");
  if (found) return found;
  await installPackages(["redis-server"], "Redis", log);
  const installed = findExecutable("redis-server");
  if (!installed) throw new ServiceError(`redis-server reste introuvable après l'installation : ${INSTALL_HINT}`);
  return installed;
}

/**
 * Makes Redis answer PING at `redisUrl`: uses a server already there, else starts the
 * project's own (loopback only) with its files in `<dataDir>/redis` and no persistence:
 * Redis only carries work in flight, PostgreSQL is the source of truth.
 * Resolves to true when it started one.
 */
export async function ensureRedis({ redisUrl, dataDir, log }: ResolvedServicesOptions): Promise<boolean> {
  const url = new URL(redisUrl);
  const port = url.port || "6379";
  const where = `${url.hostname}:${port}`;
  const probe = await probeRedis(redisUrl);
  if (probe.state === "ready") {
    log(`Redis déjà disponible sur ${where}`);
    return false;
  }
  if (probe.state === "rejected") {
    throw new ServiceError(`Redis répond sur ${where} mais refuse PING : ${probe.reason}. Vérifiez REDIS_URL.`);
  }
  if (!isLoopback(url.hostname) || url.protocol !== "redis:") {
    throw new ServiceError(
      `Redis ne répond pas sur ${where} (${probe.reason}). Ce serveur n'est pas sur cette machine : démarrez-le ou corrigez REDIS_URL.`,
    );
  }
  const paths = redisPaths(dataDir);
  await mkdir(paths.dir, { recursive: true });
  const args = ["--daemonize", "yes", "--bind", listenAddress(url.hostname), "--port", port, "--dir", paths.dir];
  args.push("--save", "", "--appendonly", "no", "--logfile", paths.logFile, "--pidfile", paths.pidFile);
  const started = await runCommand(await redisServer(log), args);
  const ready = await waitUntil(async () => (await probeRedis(redisUrl)).state === "ready", 10_000);
  if (!ready) {
    const serverLog = await readFile(paths.logFile, "utf8").catch(() => "");
    throw new ServiceError(
      `Redis n'a pas pu démarrer depuis ${displayPath(paths.dir)} :\n${lastLines(`${started.output}\n${serverLog}`)}\nJournal : ${displayPath(paths.logFile)}`,
    );
  }
  log(`Redis démarré depuis ${displayPath(paths.dir)} sur ${where}`);
  return true;
}

/**
 * Shuts down (SHUTDOWN NOSAVE) the Redis at `redisUrl` only if it is the one started from
 * `<dataDir>/redis` (its process id matches our pid file): never a developer's own Redis.
 * Resolves to true when it stopped one.
 */
export async function stopRedis({ redisUrl, dataDir, log }: ResolvedServicesOptions): Promise<boolean> {
  const paths = redisPaths(dataDir);
  const pid = (await readFile(paths.pidFile, "utf8").catch(() => "")).trim();
  if (!pid) return false;
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    const info = await client.info("server");
    if (info.match(/^process_id:(\d+)/m)?.[1] !== pid) return false;
    // The server closes the connection instead of replying.
    await client.call("SHUTDOWN", "NOSAVE").catch(() => {});
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
  await waitUntil(async () => (await probeRedis(redisUrl)).state !== "ready", 5000);
  log(`Redis arrêté (${displayPath(paths.dir)})`);
  return true;
}
