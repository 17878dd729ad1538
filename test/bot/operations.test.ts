import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../domain/links/signed-token.ts";
import { recordNotification } from "../../domain/notifications/record-notification.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createEmailQueue, enqueueEmails } from "../../jobs/queues/email-queue.ts";
import { heartbeatKey } from "../../jobs/start-workers.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";

const prefix = redisPrefix("ops");
let schema: FreshSchema;
let bot: RunningBot;
let config: ReturnType<typeof testConfig>;

beforeAll(async () => {
  schema = await freshSchema("ops");
  config = testConfig({ DATABASE_SCHEMA: schema.schema, REDIS_PREFIX: prefix });
  bot = await startBot(config, schema.db);
});
afterAll(async () => {
  await bot?.close();
  await schema?.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

describe("operations", () => {
  it("reports queue counts and live workers in /healthz and on /ops/queues", async () => {
    const redis = createRedis(config.REDIS_URL);
    const queue = createEmailQueue(redis, config);
    const id = await recordNotification(schema.db, {
      template: "agent-test",
      recipientEmail: "ops@example.org",
      payload: {},
      idempotencyKey: "ops:1",
    });
    await enqueueEmails(queue, [id!]);
    await redis.set(heartbeatKey(prefix, "test-worker"), "now", "PX", 30_000);
    const health = await (await fetch(`${bot.url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", workers: 1, queues: { email: { waiting: 1, failed: 0 } } });
    // The test configuration keeps searches on the main thread (BOT_SEARCH_THREAD=false).
    expect(health.filDeRecherche).toBe("désactivé");
    const page = await (await fetch(`${bot.url}/ops/queues`)).text();
    expect(page).toContain('lang="fr"');
    expect(page).toMatch(/<th scope="row">email<\/th><td>1<\/td>/);
    await queue.close();
    await redis.quit();
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("shows a confirmation on GET, unsubscribes on POST, and refuses a forged link", async () => {
    const token = signToken(config.BPC40_SECRET, { u: "Porteur@Example.org" });
    const confirm = await fetch(`${bot.url}/unsubscribe?token=${token}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("Confirmer la désinscription");
    expect(await schema.db.emailOptOut.count()).toBe(0);

    const oneClick = await fetch(`${bot.url}/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await schema.db.emailOptOut.findUnique({ where: { email: "porteur@example.org" } })).not.toBeNull();

    const again = await fetch(`${bot.url}/unsubscribe?token=${token}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(again.status).toBe(200);
    expect(await schema.db.emailOptOut.count()).toBe(1);

    const forged = await fetch(`${bot.url}/unsubscribe?token=${token.slice(0, -2)}xx`, { method: "POST" });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("n'est pas valide");
  });
});
