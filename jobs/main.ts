import { createAdapter } from "../bot/teams/create-adapter.ts";
import { createProactiveSender } from "../bot/teams/send-proactive.ts";
import { describeConfig, loadConfig } from "../domain/config/load-config.ts";
import { createLogger } from "../domain/log/create-logger.ts";
import { reminderSettings } from "../domain/reminders/reminder-settings.ts";
import { createDb } from "../prisma/create-db.ts";
import { createRedis } from "./create-redis.ts";
import { createTransport } from "./mail/create-transport.ts";
import { DEFAULT_MAIL_DIR, startMailCatcher } from "./mail/start-mail-catcher.ts";
import { onShutdown } from "./on-shutdown.ts";
import { sendAgentsDigest } from "./processors/agents-digest.ts";
import { postResults } from "./processors/results-post.ts";
import { sendRsvpNotices } from "./processors/rsvp-notices.ts";
import { sendVeilleDigest } from "./processors/veille-digest.ts";
import { startWorkers } from "./start-workers.ts";

/** Entry point of the worker process: queues, processors and schedulers. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.LOG_LEVEL, name: "worker" });
  logger.debug({ config: describeConfig(config) }, "configuration");
  const db = createDb({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
  const connection = createRedis(config.REDIS_URL, { blocking: true });
  await connection.ping();
  // Without SMTP_URL (development), e-mails go for real over SMTP to a local catcher
  // whose messages `npm run mail` and the bot's /dev/mail page show.
  const catcher = config.SMTP_URL
    ? null
    : await startMailCatcher({ port: 0, dir: config.MAIL_CATCHER_DIR ?? DEFAULT_MAIL_DIR, logger });
  if (catcher)
    logger.info({ dir: config.MAIL_CATCHER_DIR ?? DEFAULT_MAIL_DIR }, "SMTP_URL absent : e-mails capturés localement");
  const transport = createTransport(config, config.SMTP_URL ?? catcher!.url);
  // The digest is a proactive Teams message: the worker speaks the Bot Framework protocol too.
  const sender = createProactiveSender({
    adapter: createAdapter(config, logger),
    appId: config.MICROSOFT_APP_ID,
    logger,
  });
  const workers = await startWorkers({
    config,
    db,
    connection,
    transport,
    logger,
    maintenance: {
      "agents-digest": () =>
        sendAgentsDigest({
          db,
          redis: connection,
          prefix: config.REDIS_PREFIX,
          sender,
          settings: reminderSettings(config),
          logger,
          now: () => new Date(),
        }),
      "rsvp-notices": () => sendRsvpNotices({ db, sender, logger, now: () => new Date() }),
      "veille-digest": () => sendVeilleDigest({ db, sender, logger, now: () => new Date() }),
      "results-post": () => postResults({ db, sender, logger, now: () => new Date() }),
    },
  });
  logger.info({ queues: workers.names }, "worker prêt");
  onShutdown(
    logger,
    async () => {
      await workers.close();
      await catcher?.close();
      await Promise.allSettled([db.$disconnect(), connection.quit()]);
    },
    config.WORKER_SHUTDOWN_GRACE_MS,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
