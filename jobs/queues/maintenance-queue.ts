import { type ConnectionOptions, Queue } from "bullmq";
import type { Config } from "../../domain/config/load-config.ts";

export const MAINTENANCE_QUEUE = "maintenance";

/** Recurring work; each name is one job scheduler, so one run per tick whatever the number of workers. */
export type MaintenanceJobName =
  | "reminder-scan"
  | "agents-digest"
  | "rsvp-notices"
  | "fetch-feeds"
  | "veille-digest"
  | "results-post";

/** No payload: each run reads the current state from PostgreSQL. */
export type MaintenanceJob = Record<string, never>;

export type MaintenanceQueue = Queue<MaintenanceJob, unknown, MaintenanceJobName>;

export function createMaintenanceQueue(connection: ConnectionOptions, config: Config): MaintenanceQueue {
  return new Queue<MaintenanceJob, unknown, MaintenanceJobName>(MAINTENANCE_QUEUE, {
    connection,
    prefix: config.REDIS_PREFIX,
    defaultJobOptions: {
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 500 },
      attempts: 3,
      backoff: { type: "exponential", delay: 10_000 },
    },
  });
}

/**
 * Upserts every schedule from one place (idempotent: the same ids each time), at start
 * and at each sweep, so schedules lost with Redis' data come back by themselves.
 * Crons run in Europe/Paris; the configuration refuses a time between 02:00 and 03:00,
 * which does not exist or happens twice on daylight-saving days.
 */
export async function upsertSchedules(queue: MaintenanceQueue, config: Config, from?: Date): Promise<void> {
  const start = from ? { startDate: from } : {};
  await queue.upsertJobScheduler(
    "reminder-scan",
    { pattern: config.SCAN_CRON, tz: config.TZ_DEFAULT, ...start },
    { name: "reminder-scan" },
  );
  await queue.upsertJobScheduler(
    "agents-digest",
    { pattern: config.DIGEST_CRON, tz: config.TZ_DEFAULT, ...start },
    { name: "agents-digest" },
  );
  // Organisers hear of new RSVP answers at most every 15 minutes (batched).
  await queue.upsertJobScheduler("rsvp-notices", { every: 15 * 60_000, ...start }, { name: "rsvp-notices" });
  // Published results owed to the team channel go out within the minute (one settings read when none is).
  await queue.upsertJobScheduler("results-post", { every: 60_000, ...start }, { name: "results-post" });
  // The watch: feeds read at 00:15, 06:15, 12:15 and 18:15 (never 02:xx); its digest on Monday morning.
  await queue.upsertJobScheduler(
    "fetch-feeds",
    { pattern: "15 */6 * * *", tz: config.TZ_DEFAULT, ...start },
    { name: "fetch-feeds" },
  );
  await queue.upsertJobScheduler(
    "veille-digest",
    { pattern: "0 9 * * 1", tz: config.TZ_DEFAULT, ...start },
    { name: "veille-digest" },
  );
}
