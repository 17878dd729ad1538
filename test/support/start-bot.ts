import type { AddressInfo } from "node:net";
import { type AppDeps, createApp } from "../../bot/create-app.ts";
import type { Config } from "../../domain/config/load-config.ts";
import { createLogger } from "../../domain/log/create-logger.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import type { Db } from "../../prisma/create-db.ts";
import { waitUntil } from "./wait-until.ts";

export interface RunningBot {
  url: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the real bot HTTP server on a free loopback port, over the given database.
 * The typing indicator is off unless `seams.botOptions` asks for it: on a busy machine
 * it would otherwise slip in before the replies tests count.
 */
export async function startBot(
  config: Config,
  db: Db,
  now?: () => Date,
  seams: Pick<AppDeps, "adapterOptions" | "botOptions" | "wrapReads"> = {},
): Promise<RunningBot> {
  const logger = createLogger({ level: config.LOG_LEVEL, name: "bot-test" });
  const redis = createRedis(config.REDIS_URL);
  const app = createApp({
    config,
    db,
    redis,
    logger,
    ...(now ? { now } : {}),
    adapterOptions: seams.adapterOptions,
    ...(seams.wrapReads ? { wrapReads: seams.wrapReads } : {}),
    botOptions: { typingDelayMs: null, ...seams.botOptions },
  });
  const { server } = app;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    post: (activity, headers = {}) =>
      fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof activity === "string" ? activity : JSON.stringify(activity),
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      // A short test can end before the connection is up; without an offline queue QUIT is then refused.
      if (redis.status === "ready") await redis.quit();
      else redis.disconnect();
    },
  };
}

/** Waits until the bot answers searches from memory (its index is built in the background after the start). */
export async function waitForSearchMemory(bot: RunningBot): Promise<void> {
  await waitUntil(async () => {
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { recherche?: string };
    return health.recherche?.startsWith("en mémoire") === true;
  }, "recherche en mémoire");
}
