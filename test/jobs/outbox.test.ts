import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordNotification } from "../../domain/notifications/record-notification.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { dispatchPending } from "../../jobs/outbox/dispatch-pending.ts";
import { retryNotifications } from "../../jobs/outbox/retry-notifications.ts";
import { createEmailQueue } from "../../jobs/queues/email-queue.ts";
import type { RunningWorkers } from "../../jobs/start-workers.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { startTestWorker } from "../support/start-test-worker.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

let schema: FreshSchema;
let smtp: SmtpTestServer;
let worker: RunningWorkers | null = null;
const prefix = redisPrefix("outbox");
const config = testConfig({
  REDIS_PREFIX: prefix,
  MAIL_BACKOFF_MS: "50",
  MAIL_ATTEMPTS: "4",
  MAIL_RATE_MAX: "1000",
  MAIL_RATE_WINDOW_MS: "1000",
});
const redis = createRedis(config.REDIS_URL, { blocking: true });
const queue = createEmailQueue(redis, config);
let counter = 0;

function paymentNotice(email = "tresorier@asso-skate.example.org") {
  counter += 1;
  return {
    template: "payment-sent" as const,
    recipientEmail: email,
    recipientName: "Association Ride Grenade",
    payload: {
      holderName: "Association Ride Grenade",
      projectReference: "2022-017",
      projectTitle: "Skatepark de Grenade-sur-l'Adour",
      kind: "ADVANCE",
      amountCents: 1_400_000 + counter,
      astreMandate: `M2026-00${counter}`,
      sentAt: "2026-11-27",
      remainingCents: 1_400_000,
    },
    idempotencyKey: `test:payment:${counter}`,
  };
}

async function record(count: number, email?: string): Promise<number[]> {
  return schema.db.$transaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await recordNotification(tx, paymentNotice(email)))!);
    return ids;
  });
}

async function statusOf(id: number) {
  return schema.db.notification.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  schema = await freshSchema("outbox");
  smtp = await new SmtpTestServer().start();
});
beforeEach(() => smtp.reset());
afterEach(async () => {
  await worker?.close();
  worker = null;
});
afterAll(async () => {
  await queue.close();
  await redis.quit();
  await smtp.stop();
  await schema.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

describe("recordNotification (the outbox)", () => {
  it("records one row per idempotency key, even when called twice", async () => {
    const request = paymentNotice();
    const first = await recordNotification(schema.db, request);
    const second = await recordNotification(schema.db, request);
    expect(first).toBeTypeOf("number");
    expect(second).toBeNull();
    expect(await schema.db.notification.count({ where: { idempotencyKey: request.idempotencyKey } })).toBe(1);
  });

  it("commits or rolls back with the caller's transaction", async () => {
    const request = paymentNotice();
    await expect(
      schema.db.$transaction(async (tx) => {
        await recordNotification(tx, request);
        throw new Error("la modification échoue après l'écriture");
      }),
    ).rejects.toThrow();
    expect(await schema.db.notification.count({ where: { idempotencyKey: request.idempotencyKey } })).toBe(0);
  });
});

describe("sending through the queue to a real SMTP server", () => {
  beforeEach(async () => {
    await schema.db.notification.deleteMany();
    await queue.obliterate({ force: true });
  });

  it("sends a pending notification once, with both parts and a Message-ID derived from its id", async () => {
    const [id] = await record(1);
    worker = await startTestWorker({ ...config, DATABASE_SCHEMA: schema.schema }, schema.db, smtp.url);
    const [mail] = await smtp.waitFor(1);
    const row = await waitUntil(async () => {
      const r = await statusOf(id!);
      return r.status === "SENT" ? r : false;
    }, "notification envoyée");
    expect(mail?.messageId).toBe(`<bpc40-notification-${id}@landes.example.org>`);
    expect(row.messageId).toBe(mail?.messageId);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(mail?.parsed.text).toContain("Skatepark de Grenade-sur-l'Adour");
    expect(mail?.parsed.html).toContain("Skatepark de Grenade-sur-l&#39;Adour");
    expect(mail?.parsed.subject).toContain("acompte");
    // A second dispatch of a sent row sends nothing more.
    await dispatchPending(schema.db, queue);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(1);
  });

  it("retries a refused message with backoff, then sends it once", async () => {
    smtp.decide = (_session, count) =>
      count <= 2 ? { code: 421, message: "Service temporairement indisponible" } : null;
    const [id] = await record(1);
    worker = await startTestWorker({ ...config, DATABASE_SCHEMA: schema.schema }, schema.db, smtp.url);
    await smtp.waitFor(1);
    const row = await waitUntil(async () => {
      const r = await statusOf(id!);
      return r.status === "SENT" ? r : false;
    }, "envoi après deux refus");
    expect(row.attempts).toBe(3);
    expect(smtp.received).toHaveLength(1);
  });

  it("marks failed after the configured attempts, and sends on demand afterwards", async () => {
    smtp.decide = () => ({ code: 451, message: "Serveur saturé" });
    const [id] = await record(1);
    worker = await startTestWorker({ ...config, DATABASE_SCHEMA: schema.schema }, schema.db, smtp.url);
    const failed = await waitUntil(async () => {
      const r = await statusOf(id!);
      return r.status === "FAILED" ? r : false;
    }, "échec définitif");
    expect(failed.attempts).toBe(4);
    expect(failed.lastError).toContain("451");
    expect(smtp.received).toHaveLength(0);

    smtp.decide = () => null;
    await retryNotifications(schema.db, queue, [id!]);
    await smtp.waitFor(1);
    await waitUntil(async () => (await statusOf(id!)).status === "SENT", "renvoi à la demande");
  });

  it("fails at once, without retrying, on a permanent refusal (5xx)", async () => {
    smtp.decide = () => ({ code: 550, message: "Adresse inconnue" });
    const [id] = await record(1);
    worker = await startTestWorker({ ...config, DATABASE_SCHEMA: schema.schema }, schema.db, smtp.url);
    const failed = await waitUntil(async () => {
      const r = await statusOf(id!);
      return r.status === "FAILED" ? r : false;
    }, "refus définitif");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("550");
  });
});
