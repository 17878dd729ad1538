import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter } from "../../bot/teams/create-adapter.ts";
import { createProactiveSender } from "../../bot/teams/send-proactive.ts";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { createLogger } from "../../domain/log/create-logger.ts";
import { reminderSettings } from "../../domain/reminders/reminder-settings.ts";
import { sendAgentsDigest } from "../../jobs/processors/agents-digest.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { BOT, TENANT_ID } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = parisTime(2026, 11, 30, 8, 0);
const prefix = redisPrefix("digest");
const config = testConfig({ REDIS_PREFIX: prefix });
const redis = new Redis(config.REDIS_URL);
const logger = createLogger({ level: "silent", name: "digest-test" });
let schema: FreshSchema;
let connector: ConnectorStandIn;

function referenceFor(conversationId: string, aadObjectId: string) {
  return {
    bot: BOT,
    user: { id: `29:${aadObjectId}`, name: "Agent", aadObjectId },
    conversation: { id: conversationId, conversationType: "personal", tenantId: TENANT_ID },
    channelId: "msteams",
    serviceUrl: connector.url,
    locale: "fr-FR",
  };
}

beforeAll(async () => {
  schema = await freshSchema("digest");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  const agents = await schema.db.agent.findMany({ orderBy: { id: "asc" } });
  for (const agent of agents) {
    const conversationId = `a:digest-${agent.id}`;
    await schema.db.conversationReference.create({
      data: {
        conversationId,
        conversationType: "personal",
        serviceUrl: connector.url,
        tenantId: TENANT_ID,
        agentId: agent.id,
        reference: referenceFor(conversationId, agent.aadObjectId),
      },
    });
  }
});
afterAll(async () => {
  await connector?.stop();
  await schema?.drop();
  redis.disconnect();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

function run() {
  const sender = createProactiveSender({
    adapter: createAdapter(config, logger),
    appId: undefined,
    logger,
    perSecond: 20,
  });
  return sendAgentsDigest({
    db: schema.db,
    redis,
    prefix,
    sender,
    settings: reminderSettings(config),
    logger,
    now: () => NOW,
  });
}

describe("the agents' morning digest", () => {
  it("reaches every active agent once, late but not lost when Teams answers 429 with Retry-After", async () => {
    const recipients = await schema.db.agent.findMany({ where: { active: true, role: { in: ["AGENT", "ADMIN"] } } });
    let refused = 0;
    let refusedAt = 0;
    connector.respondWith = (req) => {
      if (req.method === "POST" && refused === 0) {
        refused += 1;
        refusedAt = Date.now();
        return { status: 429, headers: { "retry-after": "1" } };
      }
      return null;
    };
    const result = await run();
    connector.respondWith = null;
    expect(result).toEqual({ sent: recipients.length, alreadySent: 0, gone: 0 });
    expect(refused).toBe(1);
    expect(connector.activities).toHaveLength(recipients.length);
    const conversations = new Set(connector.activities.map((a) => a.conversationId));
    expect(conversations).toEqual(new Set(recipients.map((agent) => `a:digest-${agent.id}`)));
    const first = connector.activities[0]!;
    expect(first.at - refusedAt).toBeGreaterThanOrEqual(950);
    const card = (
      first.activity.attachments as Array<{ contentType: string; content: { body: Array<{ text?: string }> } }>
    )[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const texts = card.content.body.map((b) => b.text).join("\n");
    expect(texts).toContain("Point du lundi 30 novembre 2026");
    expect(texts).toContain("À faire aujourd'hui");
    expect(texts).toContain("Cette semaine");
  });

  it("is not sent twice the same day", async () => {
    const before = connector.activities.length;
    const result = await run();
    expect(result.sent).toBe(0);
    expect(result.alreadySent).toBeGreaterThan(0);
    expect(connector.activities).toHaveLength(before);
  });

  it("forgets a conversation the bot was removed from (404) and keeps going", async () => {
    await redis.del(...(await redis.keys(`${prefix}:digest:*`)));
    const gone = await schema.db.conversationReference.findFirstOrThrow({
      where: { agent: { role: { in: ["AGENT", "ADMIN"] }, active: true } },
      orderBy: { id: "asc" },
    });
    connector.respondWith = (req) =>
      decodeURIComponent(req.url ?? "").includes(`/${gone.conversationId}/`) ? { status: 404 } : null;
    const result = await run();
    connector.respondWith = null;
    expect(result.gone).toBe(1);
    expect(await schema.db.conversationReference.findUnique({ where: { id: gone.id } })).toBeNull();
  });
});
