import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../../prisma/seed.ts";
import { ConnectorStandIn } from "../../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { seedTestAgent } from "../../support/seed-test-agent.ts";
import { type RunningBot, startBot } from "../../support/start-bot.ts";
import { AGENT_USER, teamsMessage } from "../../support/teams-activity.ts";
import { testConfig } from "../../support/test-config.ts";
import { waitUntil } from "../../support/wait-until.ts";

/**
 * The bot's turns read the speaker, the conversation, project cards and searches from
 * memory, and see every write at the next turn. To tell memory from PostgreSQL, a test
 * switches a table's change notices off: the write is then invisible to the bot.
 */
const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("cached");
  await seed(schema.db, { now: NOW });
  await seedTestAgent(schema.db);
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
  // The bot listens once its change feed is up: until then it reads PostgreSQL only.
  await waitUntil(listening, "bot à l'écoute");
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

async function listening(): Promise<boolean> {
  const rows = await schema.db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${`bpc40 change feed (${schema.schema})`}`;
  return Number(rows[0]?.n) > 0;
}

const CONVERSATION = "a:cached-turns";

/** The bot's single reply to `text` (its text and card JSON). */
async function ask(text: string): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, conversationId: CONVERSATION });
  expect((await bot.post(activity)).status).toBe(200);
  const reply = await waitUntil(
    () => connector.activities.find((a) => a.replyToId === activity.id && a.activity.type === "message") ?? false,
    `réponse à « ${text} »`,
  );
  return `${String(reply.activity.text)}\n${JSON.stringify(reply.activity.attachments ?? [])}`;
}

/** Runs `write` with the table's change notices off (a write the bot cannot hear of). */
async function unheard(table: string, write: () => Promise<unknown>): Promise<void> {
  await schema.db.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_notifyChange"`);
  try {
    await write();
  } finally {
    await schema.db.$executeRawUnsafe(`ALTER TABLE "${table}" ENABLE TRIGGER "${table}_notifyChange"`);
  }
}

const holderOf2022017 = { projects: { some: { reference: "2022-017" } } };

describe("turns served from the read caches", () => {
  it("answers statut from memory, and shows a write at the next turn", async () => {
    expect(await ask("statut 2022-017")).not.toContain("Contact Fantôme");
    await unheard("Holder", () =>
      schema.db.holder.updateMany({ where: holderOf2022017, data: { contactName: "Contact Fantôme" } }),
    );
    expect(await ask("statut 2022-017")).not.toContain("Contact Fantôme");
    await schema.db.holder.updateMany({ where: holderOf2022017, data: { contactName: "Contact Visible" } });
    expect(await ask("statut 2022-017")).toContain("Contact Visible");
  });

  it("answers a repeated search from memory, and a changed project at the next turn", async () => {
    const before = await ask("jardin partagé");
    expect(before).not.toContain("Abandonné");
    await unheard("Project", () => schema.db.project.updateMany({ data: { isYouth: true } }));
    expect(await ask("jardin partagé")).toBe(before);
    await schema.db.project.updateMany({ data: { status: "ABANDONED" } });
    expect(await ask("jardin partagé")).toContain("Abandonné");
  });

  it("knows the speaker's role from memory until the agent row changes", async () => {
    expect(await ask("agents")).not.toContain("est réservée");
    await unheard("Agent", () =>
      schema.db.agent.update({ where: { aadObjectId: AGENT_USER.aadObjectId }, data: { role: "READER" } }),
    );
    expect(await ask("agents")).not.toContain("est réservée");
    await schema.db.agent.update({ where: { aadObjectId: AGENT_USER.aadObjectId }, data: { name: "Agent renommé" } });
    expect(await ask("agents")).toContain("est réservée");
  });

  it("does not rewrite a stored conversation, and stores it again once deleted", async () => {
    const stored = () => schema.db.conversationReference.count({ where: { conversationId: CONVERSATION } });
    expect(await stored()).toBe(1);
    await unheard("ConversationReference", () =>
      schema.db.conversationReference.deleteMany({ where: { conversationId: CONVERSATION } }),
    );
    await ask("aide");
    expect(await stored()).toBe(0);
    // Another conversation stored anew changes nothing the cache holds: it is kept.
    await schema.db.conversationReference.create({
      data: { conversationId: "a:other", conversationType: "personal", serviceUrl: connector.url, reference: {} },
    });
    await ask("aide");
    expect(await stored()).toBe(0);
    // A stored conversation changed or removed empties it.
    await schema.db.conversationReference.update({ where: { conversationId: "a:other" }, data: { tenantId: "t" } });
    await ask("aide");
    expect(await stored()).toBe(1);
  });
});
