import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../../domain/config/load-config.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createEmailQueue } from "../../jobs/queues/email-queue.ts";
import type { RunningWorkers } from "../../jobs/start-workers.ts";
import { applyMigrations } from "../../prisma/apply-migrations.ts";
import { createDb, type Db } from "../../prisma/create-db.ts";
import { type PrivatePostgres, startPrivatePostgres } from "../support/private-postgres.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { startTestWorker } from "../support/start-test-worker.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";
import { recordTestEmails, unexplainedFailedJobs } from "./unexplained-failed-jobs.ts";

const IN_FLIGHT = 2;
let postgres: PrivatePostgres;
let db: Db;
let smtp: SmtpTestServer;
let worker: RunningWorkers | null = null;
let prefix = "";

beforeAll(async () => {
  // The machine's PostgreSQL on 5432 serves the other test files: this one restarts its own.
  postgres = await startPrivatePostgres();
  await applyMigrations({ databaseUrl: postgres.databaseUrl, schema: "public" });
  db = createDb({ databaseUrl: postgres.databaseUrl, max: 4 });
  smtp = await new SmtpTestServer().start();
});

beforeEach(async () => {
  prefix = redisPrefix("pg-restart");
  smtp.reset();
  await db.notification.deleteMany();
});

afterEach(async () => {
  await worker?.close();
  worker = null;
  await deleteRedisPrefix(testConfig().REDIS_URL, prefix);
});

afterAll(async () => {
  await db?.$disconnect();
  await smtp?.stop();
  await postgres?.stop();
});

function configWith(overrides: Record<string, string>): Config {
  return testConfig({
    DATABASE_URL: postgres.databaseUrl,
    REDIS_PREFIX: prefix,
    SMTP_MAX_CONNECTIONS: String(IN_FLIGHT),
    MAIL_BACKOFF_MS: "100",
    OUTBOX_SWEEP_MS: "300",
    JOB_LOCK_MS: "2000",
    MAIL_RATE_MAX: "10000",
    ...overrides,
  });
}

const unsent = () => db.notification.count({ where: { status: { not: "SENT" } } });

/** Every row SENT once, duplicates only from messages in flight, no FAILED row, no unexplained failed job. */
async function expectAllSent(config: Config, count: number): Promise<void> {
  await waitUntil(async () => (await unsent()) === 0, "toutes les notifications envoyées", 40_000);
  const messageIds = smtp.received.map((m) => m.messageId);
  const unique = new Set(messageIds);
  expect(unique.size).toBe(count);
  // A message accepted by SMTP while its row could not be marked SENT is sent again, once.
  expect(messageIds.length - unique.size).toBeLessThanOrEqual(IN_FLIGHT);
  expect(await db.notification.count({ where: { status: "FAILED" } })).toBe(0);
  const redis = createRedis(config.REDIS_URL);
  const queue = createEmailQueue(redis, config);
  try {
    expect(await unexplainedFailedJobs(db, queue)).toEqual([]);
  } finally {
    await queue.close();
    await redis.quit();
  }
}

describe("PostgreSQL goes away during sending", () => {
  it("restarted mid-batch (pg_ctl restart -m fast): the worker keeps serving, every notification SENT", {
    timeout: 60_000,
  }, async () => {
    const config = configWith({ MAIL_ATTEMPTS: "10" });
    await recordTestEmails(db, "pg-restart", 20);
    smtp.delayMs = 150;
    worker = await startTestWorker(config, db, smtp.url);
    await waitUntil(() => smtp.received.length >= 4, "premiers envois");

    await postgres.restart();
    expect(smtp.received.length).toBeLessThan(20);
    await expectAllSent(config, 20);
  });

  it("down longer than the jobs' retries: the sweep sends the rows whose job gave up", {
    timeout: 60_000,
  }, async () => {
    const config = configWith({ MAIL_ATTEMPTS: "3" });
    await recordTestEmails(db, "pg-outage", 12);
    smtp.delayMs = 100;
    worker = await startTestWorker(config, db, smtp.url);
    await waitUntil(() => smtp.received.length >= 2, "premiers envois");

    await postgres.pause();
    // 3 attempts 100 ms then 200 ms apart: every job left has used them all by now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const redis = createRedis(config.REDIS_URL);
    const queue = createEmailQueue(redis, config);
    try {
      // The jobs gave up (failed set) while their rows, unreachable, stayed PENDING.
      expect(await queue.getFailedCount()).toBeGreaterThan(0);
    } finally {
      await queue.close();
      await redis.quit();
    }
    await postgres.start();
    await expectAllSent(config, 12);
  });
});
