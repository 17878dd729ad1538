import { afterAll, beforeAll, expect, it } from "vitest";
import { createRedis } from "../../jobs/create-redis.ts";
import { createEmailQueue } from "../../jobs/queues/email-queue.ts";
import type { RunningWorkers } from "../../jobs/start-workers.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { startTestWorker } from "../support/start-test-worker.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";
import { recordTestEmails, unexplainedFailedJobs } from "./unexplained-failed-jobs.ts";

const COUNT = 24;
const REFUSING_MS = 2_000;
const prefix = redisPrefix("smtp-refusals");
let schema: FreshSchema;
let smtp: SmtpTestServer;
let worker: RunningWorkers | null = null;

beforeAll(async () => {
  schema = await freshSchema("smtp_refusals");
  smtp = await new SmtpTestServer().start();
});

afterAll(async () => {
  await worker?.close();
  await smtp?.stop();
  await schema?.drop();
  await deleteRedisPrefix(testConfig().REDIS_URL, prefix);
});

it("sends every notification exactly once while the SMTP server refuses one message in three (4xx) for a while", {
  timeout: 60_000,
}, async () => {
  const config = testConfig({
    DATABASE_SCHEMA: schema.schema,
    REDIS_PREFIX: prefix,
    SMTP_MAX_CONNECTIONS: "2",
    MAIL_ATTEMPTS: "12",
    MAIL_BACKOFF_MS: "100",
    OUTBOX_SWEEP_MS: "500",
    MAIL_RATE_MAX: "10000",
  });
  await recordTestEmails(schema.db, "smtp-refusals", COUNT);
  let refusingUntil = 0;
  let answered = 0;
  let refused = 0;
  smtp.delayMs = 20;
  // Deterministic: every third DATA during the first seconds, alternating 451 and 421. Our
  // own counter: the server's `count` is read after the delay, when another connection
  // may have bumped it too.
  smtp.decide = () => {
    answered += 1;
    // The window opens at the first message, however long the worker took to start.
    if (answered === 1) refusingUntil = Date.now() + REFUSING_MS;
    if (Date.now() >= refusingUntil || answered % 3 !== 0) return null;
    refused += 1;
    return refused % 2 === 0
      ? { code: 421, message: "4.7.0 Trop de connexions, réessayez plus tard" }
      : { code: 451, message: "4.3.0 Erreur temporaire, réessayez plus tard" };
  };
  worker = await startTestWorker(config, schema.db, smtp.url);

  await waitUntil(
    async () => (await schema.db.notification.count({ where: { status: { not: "SENT" } } })) === 0,
    "toutes les notifications envoyées",
    40_000,
  );
  expect(refused).toBeGreaterThanOrEqual(3);
  const messageIds = smtp.received.map((m) => m.messageId);
  expect(new Set(messageIds).size).toBe(COUNT);
  expect(messageIds).toHaveLength(COUNT);

  const rows = await schema.db.notification.findMany();
  expect(rows.filter((row) => row.status !== "SENT")).toEqual([]);
  // Each refusal is one more attempt on its row; the last answer (accepted) clears the error.
  expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(COUNT + refused);
  expect(rows.filter((row) => row.attempts > 1).length).toBeGreaterThan(0);
  expect(rows.every((row) => row.lastError === null)).toBe(true);

  const redis = createRedis(config.REDIS_URL);
  const queue = createEmailQueue(redis, config);
  try {
    expect(await unexplainedFailedJobs(schema.db, queue)).toEqual([]);
  } finally {
    await queue.close();
    await redis.quit();
  }
});
