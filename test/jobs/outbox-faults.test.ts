import type { ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordNotification } from "../../domain/notifications/record-notification.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { dispatchPending } from "../../jobs/outbox/dispatch-pending.ts";
import { createEmailQueue } from "../../jobs/queues/email-queue.ts";
import type { RunningWorkers } from "../../jobs/start-workers.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { spawnWorker, waitForExit } from "../support/spawn-worker.ts";
import { startTestWorker } from "../support/start-test-worker.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

/** This file owns Redis database 13 (FLUSHDB there touches no other test file). */
const REDIS_URL = "redis://127.0.0.1:6379/13";
const prefix = redisPrefix("faults");
let schema: FreshSchema;
let smtp: SmtpTestServer;
let worker: RunningWorkers | null = null;
const children: ChildProcess[] = [];
let counter = 0;

function configWith(overrides: Record<string, string> = {}) {
  return testConfig({
    REDIS_URL,
    REDIS_PREFIX: prefix,
    DATABASE_SCHEMA: schema.schema,
    MAIL_BACKOFF_MS: "50",
    OUTBOX_SWEEP_MS: "300",
    JOB_LOCK_MS: "1500",
    MAIL_RATE_MAX: "10000",
    ...overrides,
  });
}

async function record(count: number): Promise<number[]> {
  return schema.db.$transaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      counter += 1;
      const id = await recordNotification(tx, {
        template: "agent-test",
        recipientEmail: `porteur${counter}@example.org`,
        payload: { recipientName: `Porteur ${counter}` },
        idempotencyKey: `faults:${counter}`,
      });
      ids.push(id!);
    }
    return ids;
  });
}

const pendingCount = () => schema.db.notification.count({ where: { status: { not: "SENT" } } });

beforeAll(async () => {
  schema = await freshSchema("faults");
  smtp = await new SmtpTestServer().start();
});
beforeEach(async () => {
  smtp.reset();
  await schema.db.notification.deleteMany();
});
afterEach(async () => {
  await worker?.close();
  worker = null;
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    await waitForExit(child);
  }
});
afterAll(async () => {
  await smtp.stop();
  await schema.drop();
  await deleteRedisPrefix(REDIS_URL, prefix);
});

describe("nothing is lost", () => {
  it("sends every pending notification after Redis lost all its data (FLUSHDB)", { timeout: 90_000 }, async () => {
    const config = configWith();
    const redis = createRedis(REDIS_URL, { blocking: true });
    const queue = createEmailQueue(redis, config);
    await record(12);
    await dispatchPending(schema.db, queue);
    expect(await queue.getWaitingCount()).toBe(12);
    await redis.flushdb();
    expect(await queue.getWaitingCount()).toBe(0);
    await queue.close();
    await redis.quit();

    smtp.delayMs = 30;
    worker = await startTestWorker(config, schema.db, smtp.url, { schedules: true });
    await waitUntil(async () => smtp.received.length >= 4, "premiers envois");
    // Redis loses everything again while the worker is busy: the sweep puts the rest back.
    const flusher = new Redis(REDIS_URL);
    await flusher.flushdb();
    flusher.disconnect();
    await waitUntil(async () => (await pendingCount()) === 0, "toutes les notifications envoyées", 30_000);
    const ids = new Set(smtp.received.map((m) => m.messageId));
    expect(ids.size).toBe(12);
  });

  it("loses nothing when a worker process is killed (SIGKILL) mid-batch; duplicates are visible", {
    timeout: 90_000,
  }, async () => {
    const config = configWith();
    await record(25);
    smtp.delayMs = 60;
    const env = {
      DATABASE_URL: config.DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      MAIL_BACKOFF_MS: "50",
      OUTBOX_SWEEP_MS: "300",
      JOB_LOCK_MS: "1500",
      MAIL_RATE_MAX: "10000",
    };
    const first = spawnWorker(env);
    children.push(first);
    await waitUntil(() => smtp.received.length >= 5, "le premier worker envoie", 30_000);
    first.kill("SIGKILL");
    await waitForExit(first);
    const sentBeforeKill = smtp.received.length;
    expect(sentBeforeKill).toBeLessThan(25);

    const second = spawnWorker(env);
    children.push(second);
    await waitUntil(async () => (await pendingCount()) === 0, "le second worker finit", 40_000);
    const messageIds = smtp.received.map((m) => m.messageId);
    const unique = new Set(messageIds);
    expect(unique.size).toBe(25);
    // At most one message per kill was in flight between the SMTP answer and the database.
    expect(messageIds.length - unique.size).toBeLessThanOrEqual(1);
  });
});

describe("the sending rate", () => {
  it("never exceeds the limit in any window, measured at the SMTP server", { timeout: 90_000 }, async () => {
    const limit = 4;
    const windowMs = 1000;
    const config = configWith({
      MAIL_RATE_MAX: String(limit),
      MAIL_RATE_WINDOW_MS: String(windowMs),
      SMTP_MAX_CONNECTIONS: "3",
    });
    await record(13);
    worker = await startTestWorker(config, schema.db, smtp.url);
    const second = await startTestWorker(config, schema.db, smtp.url);
    try {
      await smtp.waitFor(13, 30_000);
    } finally {
      await second.close();
    }
    const times = smtp.received.map((m) => m.at).sort((a, b) => a - b);
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + windowMs).length;
      expect(inWindow).toBeLessThanOrEqual(limit);
    }
    // And it is not slower than needed: 13 messages at 4 a second take about 3 windows.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(3 * windowMs - 100);
  });
});
