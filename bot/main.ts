import type { Server as HttpServer } from "node:http";
import { describeConfig, loadConfig } from "../domain/config/load-config.ts";
import { createLogger } from "../domain/log/create-logger.ts";
import { createRedis } from "../jobs/create-redis.ts";
import { onShutdown } from "../jobs/on-shutdown.ts";
import { createDb } from "../prisma/create-db.ts";
import { createApp } from "./create-app.ts";
import { prepareGracefulStop } from "./web/graceful-stop.ts";

/** Entry point of the bot web process: builds every dependency once and serves. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.LOG_LEVEL, name: "bot" });
  logger.debug({ config: describeConfig(config) }, "configuration");
  const db = createDb({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
  const redis = createRedis(config.REDIS_URL);
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis unavailable"));
  const app = createApp({ config, db, redis, logger });
  const { server } = app;
  const http = prepareGracefulStop(server.server as HttpServer);
  await new Promise<void>((resolve) => server.listen(config.PORT, "0.0.0.0", resolve));
  const base = `http://localhost:${(server.address() as { port: number }).port}`;
  if (config.localMode) {
    logger.warn("mode local : aucun identifiant Bot Framework, les activités ne sont pas authentifiées");
  }
  logger.info({ endpoint: `${base}/api/messages`, health: `${base}/healthz` }, "bot prêt");
  onShutdown(
    logger,
    async () => {
      // Stop accepting, let the turns in flight answer, then release the connections.
      logger.info({ inFlight: http.inFlight() }, "requêtes en cours à terminer");
      await http.stop();
      await app.close();
      await Promise.allSettled([db.$disconnect(), redis.quit()]);
    },
    config.BOT_SHUTDOWN_GRACE_MS,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
