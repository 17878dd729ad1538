import type { Redis } from "ioredis";
import type { Config } from "../domain/config/load-config.ts";
import type { Logger } from "../domain/log/create-logger.ts";
import { DEFAULT_MAIL_DIR } from "../jobs/mail/start-mail-catcher.ts";
import { retryNotifications } from "../jobs/outbox/retry-notifications.ts";
import { createEmailQueue, enqueueEmails } from "../jobs/queues/email-queue.ts";
import type { Db } from "../prisma/create-db.ts";
import { type BotReads, createBotReads } from "./cache/bot-reads.ts";
import type { OutboxQueue } from "./commands/command.ts";
import { registerMailPages } from "./dev/mail-pages.ts";
import { createServer } from "./server.ts";
import { registerTabRoutes } from "./tab/tab-routes.ts";
import { type BotOptions, Bpc40Bot } from "./teams/bpc40-bot.ts";
import { type AdapterOptions, createAdapter } from "./teams/create-adapter.ts";
import { registerFileRoutes } from "./web/file-routes.ts";
import { registerLegalPages } from "./web/legal-pages.ts";
import { registerOpsRoutes } from "./web/ops-routes.ts";
import { registerRsvpRoutes } from "./web/rsvp-routes.ts";
import { registerUnsubscribeRoutes } from "./web/unsubscribe-routes.ts";

export interface AppDeps {
  config: Config;
  db: Db;
  redis: Redis;
  logger: Logger;
  now?: () => Date;
  /** Test seams: a local token factory for outgoing calls, the typing-indicator delay. */
  adapterOptions?: AdapterOptions;
  botOptions?: BotOptions;
  /** Test seam: wraps the read caches (a test holds a sync back to interleave a write). */
  wrapReads?: (reads: BotReads) => BotReads;
}

/** Wires adapter, activity handler and HTTP server; used by `bot/main.ts` and the tests. */
export function createApp({ config, db, redis, logger, now = () => new Date(), ...seams }: AppDeps) {
  const adapter = createAdapter(config, logger, seams.adapterOptions);
  const emailQueue = createEmailQueue(redis, config);
  const outbox: OutboxQueue = {
    enqueue: (ids) => enqueueEmails(emailQueue, ids),
    retry: (ids) => retryNotifications(db, emailQueue, ids),
  };
  const created = createBotReads(config, logger);
  const reads = seams.wrapReads ? seams.wrapReads(created) : created;
  const bot = new Bpc40Bot({ config, db, logger, now, outbox, reads }, seams.botOptions);
  const server = createServer({
    config,
    requireToken: !config.localMode,
    adapter,
    bot,
    db,
    redis,
    logger,
    reads,
  });
  registerUnsubscribeRoutes(server, { db, config, now });
  registerRsvpRoutes(server, { db, config, now });
  registerOpsRoutes(server, { redis, config });
  registerLegalPages(server);
  registerFileRoutes(server, { db, config, logger, now });
  registerTabRoutes(server, { db, config, logger, now });
  if (!config.SMTP_URL && config.NODE_ENV !== "production") {
    registerMailPages(server, { dir: config.MAIL_CATCHER_DIR ?? DEFAULT_MAIL_DIR });
  }
  const close = async () => {
    await Promise.all([emailQueue.close(), reads.close()]);
  };
  return { adapter, bot, server, close };
}
