import type { CloudAdapter } from "botbuilder";
import type { Redis } from "ioredis";
import restify from "restify";
import type { Config } from "../domain/config/load-config.ts";
import type { Logger } from "../domain/log/create-logger.ts";
import { readQueueHealth } from "../jobs/queue-health.ts";
import type { Db } from "../prisma/create-db.ts";
import type { BotReads } from "./cache/bot-reads.ts";
import type { Bpc40Bot } from "./teams/bpc40-bot.ts";
import { checkActivity } from "./teams/check-activity.ts";

/** `/healthz`'s words for the search thread's state. */
const THREAD_STATES = {
  building: "en construction",
  ready: "prêt",
  stopped: "arrêté (recherches sur le fil principal)",
  off: "désactivé",
} as const;

/** Largest request body accepted; Teams activities are far smaller. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  config: Config;
  /** Without credentials (local mode) requests carry no token. */
  requireToken: boolean;
  adapter: CloudAdapter;
  bot: Bpc40Bot;
  db: Db;
  redis: Redis;
  logger: Logger;
  /** The read caches, whose search memory `/healthz` reports. */
  reads: Pick<BotReads, "searchMemoryStatus" | "searchThreadState" | "turnStarted">;
}

/** The bot's HTTP server: `/api/messages` for Teams and `/healthz` for operators. */
export function createServer({
  config,
  requireToken,
  adapter,
  bot,
  db,
  redis,
  logger,
  reads,
}: ServerDeps): restify.Server {
  const server = restify.createServer({ name: "bpc40", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post("/api/messages", async (req, res) => {
    if (requireToken && !/^Bearer \S+$/.test(req.headers.authorization ?? "")) {
      // The adapter would refuse it too (after logging a stack trace): answer at once.
      res.send(401, { error: "Jeton Bot Framework absent : requête refusée." });
      return;
    }
    const problem = checkActivity(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    const done = reads.turnStarted();
    try {
      const synced = bot.syncReads();
      await adapter.process(req, res, (context) => bot.runSynced(context, synced));
    } catch (error) {
      logger.error({ err: error }, "activity rejected");
      if (!res.headersSent) res.send(400, { error: "Activité Bot Framework invalide." });
    } finally {
      done();
    }
  });

  server.get("/healthz", async (_req, res) => {
    const [postgres, redisState, jobs] = await Promise.all([
      db.$queryRaw`SELECT 1`.then(
        () => "ok",
        () => "injoignable",
      ),
      redis.ping().then(
        () => "ok",
        () => "injoignable",
      ),
      readQueueHealth(redis, config).catch((error: Error) => {
        logger.warn({ err: error.message }, "queue health unavailable");
        return null;
      }),
    ]);
    const healthy = postgres === "ok" && redisState === "ok";
    const memory = reads.searchMemoryStatus();
    res.send(healthy ? 200 : 503, {
      status: healthy ? "ok" : "dégradé",
      postgres,
      redis: redisState,
      // Where searches are answered: the bot's memory, or PostgreSQL while it is built.
      recherche: memory ? `en mémoire (${memory.projects} projets, ${memory.words} mots)` : "PostgreSQL",
      // The second thread answering a busy bot's searches (BOT_SEARCH_THREAD).
      filDeRecherche: THREAD_STATES[reads.searchThreadState() ?? "off"],
      ...(jobs ? { workers: jobs.workers, queues: jobs.queues } : {}),
    });
  });

  server.on("restifyError", (_req, _res, error, callback) => {
    // Size and parse errors from the body parser: say it in French, keep the status.
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const message =
      status === 413
        ? `Requête trop volumineuse (${MAX_BODY_BYTES / 1024} Kio au plus).`
        : status === 400
          ? "Requête invalide : le corps doit être du JSON."
          : error.message;
    error.toJSON = () => ({ error: message });
    callback();
  });
  return server;
}
