import type { Redis } from "ioredis";
import type { Config } from "../domain/config/load-config.ts";
import type { Logger } from "../domain/log/create-logger.ts";
import { DEFAULT_MAIL_DIR } from "../jobs/mail/start-mail-catcher.ts";
import type { Db } from "../prisma/create-db.ts";
import { registerMailPages } from "./dev/mail-pages.ts";
import { createServer } from "./server.ts";
import { Bpc40Bot } from "./teams/bpc40-bot.ts";
import { createAdapter } from "./teams/create-adapter.ts";
import { registerUnsubscribeRoutes } from "./web/unsubscribe-routes.ts";

export interface AppDeps {
  config: Config;
  db: Db;
  redis: Redis;
  logger: Logger;
  now?: () => Date;
}

/** Wires adapter, activity handler and HTTP server; used by `bot/main.ts` and the tests. */
export function createApp({ config, db, redis, logger, now = () => new Date() }: AppDeps) {
  const adapter = createAdapter(config, logger);
  const bot = new Bpc40Bot({ config, db, logger, now });
  const server = createServer({ requireToken: !config.localMode, adapter, bot, db, redis, logger });
  registerUnsubscribeRoutes(server, { db, config, now });
  if (!config.SMTP_URL && config.NODE_ENV !== "production") {
    registerMailPages(server, { dir: config.MAIL_CATCHER_DIR ?? DEFAULT_MAIL_DIR });
  }
  return { adapter, bot, server };
}
