import { type ChildProcess, spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { BOT_NODE_FLAGS } from "../../bot/node-flags.ts";
import { waitUntil } from "./wait-until.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Free loopback ports: `bot/main.ts` listens on `PORT` and cannot report a port 0 back,
 * so servers are opened on port 0 (all at once, so the ports differ), read, then closed.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/** The environment of a spawned bot or worker on a test file's own schema and Redis prefix. */
export function processEnv(
  schema: { databaseUrl: string; schema: string },
  redis: { url: string; prefix: string },
  port?: number,
): Record<string, string> {
  return {
    NODE_ENV: "test",
    DATABASE_URL: schema.databaseUrl,
    DATABASE_SCHEMA: schema.schema,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    ...(port === undefined ? {} : { PORT: String(port) }),
  };
}

/**
 * Starts `bot/main.ts` as a real process with the given environment (its own `PORT`, the
 * tests' database). With `logs`, its log lines (stdout) can be read from `child.stdout`.
 */
export function spawnBot(env: Record<string, string>, options: { logs?: boolean } = {}): ChildProcess {
  const child = spawn(process.execPath, [...BOT_NODE_FLAGS, "--import", "tsx", "bot/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", options.logs ? "pipe" : "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.on("exit", (code, signal) => {
    if (code && code !== 0 && signal === null) process.stderr.write(`bot exited ${code}: ${stderr}\n`);
  });
  return child;
}

/** Waits until the bot at `url` answers its health check (a spawned process takes a few seconds). */
export async function waitForBot(url: string): Promise<void> {
  await waitUntil(
    () =>
      fetch(`${url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false),
    `bot ${url} prêt`,
    40_000,
  );
}
