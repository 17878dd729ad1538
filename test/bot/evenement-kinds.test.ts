import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { executeAction, teamsInvoke } from "../support/teams-invoke.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const prefix = redisPrefix("evkinds");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
let config: ReturnType<typeof testConfig>;

beforeAll(async () => {
  schema = await freshSchema("evkinds");
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

type Card = { body: Array<Record<string, unknown>> };

async function save(data: Record<string, unknown>): Promise<{ type: string; value: unknown }> {
  const response = await bot.post(
    teamsInvoke({ serviceUrl: connector.url, name: "adaptiveCard/action", value: executeAction("event.save", data) }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { type: string; value: unknown };
}

const texts = (card: Card) => JSON.stringify(card);

describe("events of every kind, with or without a project", () => {
  it("opens a blank form offering every kind but the inauguration", async () => {
    const activity = teamsMessage({ serviceUrl: connector.url, text: "événement nouveau" });
    expect((await bot.post(activity)).status).toBe(200);
    const [answer] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
    const attachments = answer!.activity.attachments as Array<{ content: Card }>;
    const card = attachments[0]!.content;
    expect(validateAdaptiveCard(card)).toEqual([]);
    const kinds = card.body.find((b) => b.id === "kind") as { choices: Array<{ value: string; title: string }> };
    expect(kinds.choices.map((c) => c.value)).toEqual([
      "PUBLIC_MEETING",
      "CITIZENS_COMMISSION",
      "VOTE_COUNT",
      "WORKSHOP",
      "STAND",
      "OTHER",
    ]);
    expect(kinds.choices.map((c) => c.title)).toContain("Commission citoyenne");
  });

  it("schedules a citizens' commission without a project, inviting the Département's services", async () => {
    const answer = await save({
      kind: "CITIZENS_COMMISSION",
      title: "Commission citoyenne : règles du vote 2027",
      date: "2027-02-10",
      start: "18:00",
      end: "20:00",
      roomId: "sur-place",
      address: "Maison des associations, 12 rue de la Paix, 40100 Dax",
      groups: "CABINET,COMMUNICATION",
      extraEmails: "president.commission@example.org",
    });
    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    const event = await schema.db.event.findFirstOrThrow({
      where: { kind: "CITIZENS_COMMISSION", title: "Commission citoyenne : règles du vote 2027" },
      include: { invitations: true },
    });
    expect(event.projectId).toBeNull();
    expect(event.startsAt.toISOString()).toBe("2027-02-10T17:00:00.000Z");
    expect(event.invitations.map((i) => i.group).sort()).toEqual(["CABINET", "COMMUNICATION", "OTHER"]);
    expect(await schema.db.notification.count({ where: { template: "event-invitation" } })).toBe(3);
  });

  it("refuses, with the form again, an event without a title, an unknown kind, or an inauguration without a project", async () => {
    const before = await schema.db.event.count();
    const base = {
      date: "2027-03-10",
      start: "18:00",
      end: "20:00",
      roomId: "sur-place",
      address: "Mairie de Tartas",
      groups: "CABINET",
    };
    const noTitle = await save({ ...base, kind: "PUBLIC_MEETING" });
    expect(texts(noTitle.value as Card)).toContain("Indiquez l'intitulé de l'événement.");
    const badKind = await save({ ...base, kind: "FETE", title: "Fête" });
    expect(texts(badKind.value as Card)).toContain("Choisissez le type d'événement.");
    const inauguration = await save({ ...base, kind: "INAUGURATION", title: "Inauguration" });
    expect(texts(inauguration.value as Card)).toContain("Une inauguration se rattache à un projet");
    expect(await schema.db.event.count()).toBe(before);
  });
});
