import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createEmailQueue } from "../../jobs/queues/email-queue.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { AGENT_USER, teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = parisTime(2026, 11, 28, 9, 0);
const READER = { ...AGENT_USER, id: "29:reader", name: "Lecteur", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e06" };
const prefix = redisPrefix("relances");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
let config: ReturnType<typeof testConfig>;

beforeAll(async () => {
  schema = await freshSchema("relances");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  config = testConfig({ DATABASE_SCHEMA: schema.schema, REDIS_PREFIX: prefix });
  bot = await startBot(config, schema.db, () => NOW);
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

async function ask(text: string, from = AGENT_USER): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, from });
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [reply] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
  return String(reply?.activity.text);
}

describe("relances in Teams", () => {
  it("lists the reminders due today, the pending payments and the e-mails", async () => {
    const text = await ask("relances");
    const count = Number(/Relances à envoyer aujourd'hui : (\d+)/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(text).toContain("Conventions non signées");
    expect(text).toContain("Bilans n+1");
    expect(text).toContain("Versements en attente dans Astre");
    expect(text).toContain("relances envoyer");
  });

  it("refuses `relances envoyer` to a reader, politely and in French, writing nothing", async () => {
    const text = await ask("relances envoyer", READER);
    expect(text).toContain("il faut le rôle **agent** ou **admin**");
    expect(await schema.db.notification.count()).toBe(0);
  });

  it("runs the scans on demand, queues the e-mails, and a second run adds nothing", async () => {
    const text = await ask("Relances envoyer");
    const total = Number(/\*\*(\d+) relances? mises? en file/.exec(text)?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(await schema.db.notification.count({ where: { status: "PENDING" } })).toBe(total);
    const redis = createRedis(config.REDIS_URL);
    const queue = createEmailQueue(redis, config);
    expect(await queue.getWaitingCount()).toBe(total);
    await queue.close();
    await redis.quit();
    expect(await ask("relances envoyer")).toContain("Aucune nouvelle relance à envoyer");
  });

  it("shows failed e-mails and puts them back on demand", async () => {
    const failed = await schema.db.notification.create({
      data: {
        template: "agent-test",
        recipientEmail: "inconnu@example.org",
        idempotencyKey: "test:failed:1",
        status: "FAILED",
        attempts: 6,
        lastError: "SMTP 550 : boîte inconnue",
      },
    });
    const list = await ask("e-mails");
    expect(list).toContain(`n° ${failed.id}`);
    expect(list).toContain("SMTP 550");
    expect(await ask(`e-mails réessayer ${failed.id} 999999`)).toContain(`remis en file d'envoi : n° ${failed.id}`);
    const row = await schema.db.notification.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row.status).toBe("PENDING");
    expect(row.attempts).toBe(0);
    expect(await ask("e-mails réessayer douze")).toContain("n'est pas un numéro");
  });
});
