import { hostname } from "node:os";
import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Transporter } from "nodemailer";
import type { Config } from "../domain/config/load-config.ts";
import type { Logger } from "../domain/log/create-logger.ts";
import { reminderSettings } from "../domain/reminders/reminder-settings.ts";
import { runReminderScan } from "../domain/reminders/run-reminder-scan.ts";
import type { Db } from "../prisma/create-db.ts";
import { createCompletionGate } from "./mail/create-completion-gate.ts";
import { createSendSlots } from "./mail/create-send-slots.ts";
import { createSendLimiter } from "./mail/send-limiter.ts";
import { dispatchPending } from "./outbox/dispatch-pending.ts";
import { createOutboxRows } from "./outbox/outbox-rows.ts";
import { requeueGivenUp } from "./outbox/requeue-given-up.ts";
import { fetchFeeds } from "./processors/fetch-feeds.ts";
import { sendEmail } from "./processors/send-email.ts";
import { createEmailQueue, EMAIL_QUEUE, type EmailJob, enqueueEmails } from "./queues/email-queue.ts";
import {
  createMaintenanceQueue,
  MAINTENANCE_QUEUE,
  type MaintenanceJob,
  type MaintenanceJobName,
  upsertSchedules,
} from "./queues/maintenance-queue.ts";

export interface WorkerDeps {
  config: Config;
  db: Db;
  /** A blocking connection (`maxRetriesPerRequest: null`), shared by BullMQ workers. */
  connection: Redis;
  transport: Transporter;
  logger: Logger;
  now?: () => Date;
  /** Recurring work that needs more than the database and the mailer (the digest), by job name. */
  maintenance?: Partial<Record<MaintenanceJobName, (job: Job<MaintenanceJob>) => Promise<unknown>>>;
  /** False in tests that drive the schedulers themselves. */
  schedules?: boolean;
}

export interface RunningWorkers {
  names: string[];
  /** Queues the pending outbox rows now instead of at the next sweep. */
  sweep(): Promise<void>;
  /** Stops taking jobs, lets the ones in flight finish (or hands them back), then returns. */
  close(): Promise<void>;
}

const HEARTBEAT_MS = 10_000;

/**
 * E-mail jobs run per SMTP connection: the extra ones read and render while the
 * connections are busy, so a connection never waits for the database or the template.
 */
export const EMAIL_JOBS_PER_CONNECTION = 4;

/** Key under which each live worker process announces itself (read by `/healthz`). */
export function heartbeatKey(prefix: string, id: string): string {
  return `${prefix}:workers:${id}`;
}

/** Starts the e-mail and maintenance workers, the schedules, and the heartbeat. */
export async function startWorkers(deps: WorkerDeps): Promise<RunningWorkers> {
  const { config, db, connection, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const emailQueue = createEmailQueue(connection, config);
  const maintenanceQueue = createMaintenanceQueue(connection, config);
  const limiter = createSendLimiter({
    redis: connection,
    prefix: config.REDIS_PREFIX,
    max: config.MAIL_RATE_MAX,
    windowMs: config.MAIL_RATE_WINDOW_MS,
    dailyMax: config.MAIL_DAILY_MAX,
  });
  const sending = {
    rows: createOutboxRows(config, logger, now),
    slots: createSendSlots(config.SMTP_MAX_CONNECTIONS * 2),
    gate: createCompletionGate(deps.transport, config.SMTP_MAX_CONNECTIONS),
  };
  const emailWorker = new Worker<EmailJob, string>(
    EMAIL_QUEUE,
    (job) =>
      sendEmail(job, { config, db, transport: deps.transport, limiter, queue: emailQueue, logger, now, ...sending }),
    {
      connection,
      prefix: config.REDIS_PREFIX,
      concurrency: config.SMTP_MAX_CONNECTIONS * EMAIL_JOBS_PER_CONNECTION,
      lockDuration: config.JOB_LOCK_MS,
      stalledInterval: config.JOB_LOCK_MS,
    },
  );
  const handlers: Partial<Record<MaintenanceJobName, (job: Job<MaintenanceJob>) => Promise<unknown>>> = {
    "reminder-scan": async () => {
      const result = await runReminderScan(db, now(), reminderSettings(config));
      await enqueueEmails(emailQueue, result.notificationIds);
      logger.info({ created: result.created, alreadyRecorded: result.alreadyRecorded }, "relances enregistrées");
      return result.created;
    },
    "fetch-feeds": () => fetchFeeds({ db, logger, now }),
    ...deps.maintenance,
  };
  const maintenanceWorker = new Worker<MaintenanceJob, unknown, MaintenanceJobName>(
    MAINTENANCE_QUEUE,
    async (job) => {
      const handler = handlers[job.name];
      if (!handler) throw new Error(`tâche de maintenance inconnue : ${job.name}`);
      return handler(job);
    },
    { connection, prefix: config.REDIS_PREFIX, concurrency: 1 },
  );
  for (const worker of [emailWorker, maintenanceWorker]) {
    worker.on("failed", (job, error) =>
      logger.warn({ queue: worker.name, jobId: job?.id, err: error.message }, "tâche en échec"),
    );
    worker.on("error", (error) => logger.error({ queue: worker.name, err: error.message }, "worker en erreur"));
  }
  // The sweep lives in every worker process, not in Redis: it must survive Redis losing
  // everything. It re-queues pending rows (job id = row id, so nothing is queued twice)
  // and upserts the schedules again. Run once now for what the last worker left pending.
  const sweep = async () => {
    if (deps.schedules !== false) await upsertSchedules(maintenanceQueue, config);
    const count = await dispatchPending(db, emailQueue);
    if (count) logger.debug({ count }, "outbox sweep");
    const requeued = await requeueGivenUp(db, emailQueue);
    if (requeued) logger.warn({ requeued }, "outbox sweep: e-mails abandonnés par leur tâche remis en file");
  };
  await sweep();
  const sweepTimer = setInterval(() => {
    sweep().catch((err: Error) => logger.warn({ err: err.message }, "outbox sweep failed"));
  }, config.OUTBOX_SWEEP_MS);

  const id = `${hostname()}:${process.pid}`;
  const key = heartbeatKey(config.REDIS_PREFIX, id);
  const beat = () => connection.set(key, now().toISOString(), "PX", HEARTBEAT_MS * 3);
  await beat();
  const timer = setInterval(() => {
    beat().catch((err: Error) => logger.warn({ err: err.message }, "heartbeat failed"));
  }, HEARTBEAT_MS);
  return {
    names: [EMAIL_QUEUE, MAINTENANCE_QUEUE],
    sweep,
    async close() {
      clearInterval(timer);
      clearInterval(sweepTimer);
      await Promise.all([emailWorker.close(), maintenanceWorker.close()]);
      await Promise.all([emailQueue.close(), maintenanceQueue.close(), sending.rows.close()]);
      deps.transport.close();
      await connection.del(key).catch(() => 0);
    },
  };
}
