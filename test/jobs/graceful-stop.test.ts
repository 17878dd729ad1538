import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordNotification } from "../../domain/notifications/record-notification.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { spawnWorker, waitForExit } from "../support/spawn-worker.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

const prefix = redisPrefix("graceful");
let schema: FreshSchema;
let smtp: SmtpTestServer;

beforeAll(async () => {
  schema = await freshSchema("graceful");
  smtp = await new SmtpTestServer().start();
});
afterAll(async () => {
  await smtp?.stop();
  await schema?.drop();
  await deleteRedisPrefix(testConfig().REDIS_URL, prefix);
  await deleteRedisPrefix(testConfig().REDIS_URL, `${prefix}-hang`);
});

describe("graceful stop of a worker (SIGTERM)", () => {
  it("finishes the e-mail in flight, exits cleanly, and leaves the rest pending for the next worker", async () => {
    for (let i = 1; i <= 6; i++) {
      await recordNotification(schema.db, {
        template: "agent-test",
        recipientEmail: `porteur${i}@example.org`,
        payload: {},
        idempotencyKey: `graceful:${i}`,
      });
    }
    smtp.delayMs = 600;
    const env = {
      DATABASE_URL: testConfig().DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      MAIL_RATE_MAX: "1000",
      OUTBOX_SWEEP_MS: "500",
    };
    const worker = spawnWorker(env);
    await waitUntil(() => smtp.received.length >= 1, "premier e-mail", 30_000);
    worker.kill("SIGTERM");
    await waitForExit(worker);
    expect(worker.exitCode).toBe(0);
    const sentAtStop = smtp.received.length;
    const statuses = await schema.db.notification.groupBy({ by: ["status"], _count: true });
    const counts = Object.fromEntries(statuses.map((s) => [s.status, s._count]));
    // Everything the server received is recorded as sent (the job in flight was finished, not cut).
    expect(counts.SENT).toBe(sentAtStop);
    expect(counts.FAILED).toBeUndefined();
    expect((counts.PENDING ?? 0) + sentAtStop).toBe(6);

    smtp.delayMs = 0;
    const next = spawnWorker(env);
    await waitUntil(
      async () => (await schema.db.notification.count({ where: { status: "SENT" } })) === 6,
      "reprise",
      30_000,
    );
    next.kill("SIGTERM");
    await waitForExit(next);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(6);
    expect(smtp.received).toHaveLength(6);
  });

  it("exits with code 1 after WORKER_SHUTDOWN_GRACE_MS when a send hangs, and loses nothing", async () => {
    await schema.db.notification.deleteMany();
    smtp.reset();
    await recordNotification(schema.db, {
      template: "agent-test",
      recipientEmail: "porteur-lent@example.org",
      payload: {},
      idempotencyKey: "graceful:hang",
    });
    // The server holds its answer far longer than the grace: the stop cannot finish in time.
    smtp.delayMs = 20_000;
    const env = {
      DATABASE_URL: testConfig().DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_PREFIX: `${prefix}-hang`,
      SMTP_URL: smtp.url,
      MAIL_RATE_MAX: "1000",
      OUTBOX_SWEEP_MS: "500",
      WORKER_SHUTDOWN_GRACE_MS: "300",
      // The job the forced exit cut short is still locked in Redis: a short lock hands it back soon.
      JOB_LOCK_MS: "2000",
    };
    const worker = spawnWorker(env);
    await waitUntil(() => smtp.attempts >= 1, "envoi commencé", 30_000);
    worker.kill("SIGTERM");
    await waitForExit(worker);
    expect(worker.exitCode).toBe(1);
    expect(await schema.db.notification.count({ where: { status: "SENT" } })).toBe(0);

    smtp.delayMs = 0;
    const next = spawnWorker(env);
    await waitUntil(
      async () => (await schema.db.notification.count({ where: { status: "SENT" } })) === 1,
      "reprise après la sortie forcée",
      30_000,
    );
    next.kill("SIGTERM");
    await waitForExit(next);
    // The message cut short may have reached the server once already: at most one duplicate.
    expect(smtp.received.length).toBeLessThanOrEqual(2);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(1);
  }, 60_000);
});
