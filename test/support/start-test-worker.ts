import type { Config } from "../../domain/config/load-config.ts";
import { createLogger } from "../../domain/log/create-logger.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createTransport } from "../../jobs/mail/create-transport.ts";
import { type RunningWorkers, startWorkers, type WorkerDeps } from "../../jobs/start-workers.ts";
import type { Db } from "../../prisma/create-db.ts";

/** The real workers (BullMQ on Redis, nodemailer to `smtpUrl`) in this process, without schedules. */
export async function startTestWorker(
  config: Config,
  db: Db,
  smtpUrl: string,
  extra: Partial<WorkerDeps> = {},
): Promise<RunningWorkers> {
  const connection = createRedis(config.REDIS_URL, { blocking: true });
  const workers = await startWorkers({
    config,
    db,
    connection,
    transport: createTransport(config, smtpUrl),
    logger: createLogger({ level: config.LOG_LEVEL, name: "worker-test" }),
    schedules: false,
    ...extra,
  });
  return {
    names: workers.names,
    sweep: workers.sweep,
    async close() {
      await workers.close();
      await connection.quit();
    },
  };
}
