import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotReads } from "../../../bot/cache/bot-reads.ts";
import { saveConversationReference } from "../../../domain/conversations/save-conversation-reference.ts";
import { seed } from "../../../prisma/seed.ts";
import { ConnectorStandIn } from "../../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { seedTestAgent } from "../../support/seed-test-agent.ts";
import { type RunningBot, startBot, waitForSearchMemory } from "../../support/start-bot.ts";
import { teamsMessage } from "../../support/teams-activity.ts";
import { testConfig } from "../../support/test-config.ts";
import { waitUntil } from "../../support/wait-until.ts";

/**
 * A command that only reads (`statut`, searches, `aide`) is answered from memory while the
 * turn's sync round trip is on its way; the reply leaves only once the sync has returned,
 * and is made again when a change was heard meanwhile. A command that writes waits for
 * the sync first. The test holds syncs back to put a write in between.
 */
const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
let held: (() => void)[] | null = null;
let syncs = 0;
let factReads = 0;

/** The bot's read caches, with each sync held back while `held` is set (the real round trip still leaves at once). */
const holdingSyncs = (reads: BotReads): BotReads => ({
  ...reads,
  projectFacts: (reference) => {
    factReads += 1;
    return reads.projectFacts(reference);
  },
  sync: () => {
    const trip = reads.sync();
    syncs += 1;
    if (!held) return trip;
    const queue = held;
    return trip.then((live) => new Promise<boolean>((resolve) => queue.push(() => resolve(live))));
  },
});

beforeAll(async () => {
  schema = await freshSchema("speculate");
  await seed(schema.db, { now: NOW });
  await seedTestAgent(schema.db);
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW, {
    wrapReads: holdingSyncs,
  });
  await waitForSearchMemory(bot);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

/** Posts `text` while syncs are held; returns the reply once they are released. */
async function askHeld(text: string, meanwhile: () => Promise<unknown>) {
  held = [];
  const activity = teamsMessage({ serviceUrl: connector.url, text, conversationId: "a:speculate" });
  const syncsBefore = syncs;
  const posted = bot.post(activity);
  await waitUntil(() => syncs > syncsBefore, "sync demandée");
  // The answer is being made (or made) from memory; nothing may leave before the sync returns.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const early = connector.activities.some((a) => a.replyToId === activity.id);
  await meanwhile();
  // The change's notice has reached the bot before the held sync returns.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const queue = held;
  held = null;
  for (const release of queue) release();
  expect((await posted).status).toBe(200);
  const reply = await waitUntil(
    () => connector.activities.find((a) => a.replyToId === activity.id && a.activity.type === "message") ?? false,
    `réponse à « ${text} »`,
  );
  return { early, text: `${String(reply.activity.text)}\n${JSON.stringify(reply.activity.attachments ?? [])}` };
}

const holderOf2022017 = { projects: { some: { reference: "2022-017" } } };

describe("answers that start before the turn's sync returns", () => {
  it("keeps nothing read before a change heard meanwhile: the card is made again", async () => {
    const { early, text } = await askHeld("statut 2022-017", () =>
      schema.db.holder.updateMany({ where: holderOf2022017, data: { contactName: "Contact Arrivé Pendant" } }),
    );
    expect(early).toBe(false);
    expect(text).toContain("Contact Arrivé Pendant");
  });

  it("keeps the answer when all that was stored meanwhile is another conversation", async () => {
    const before = factReads;
    const { early, text } = await askHeld("statut 2022-017", () =>
      saveConversationReference(
        schema.db,
        {
          conversationId: "a:another-conversation",
          conversationType: "personal",
          serviceUrl: connector.url,
          tenantId: "t",
          agentId: null,
          reference: {},
        },
        NOW,
      ),
    );
    expect(early).toBe(false);
    expect(text).toContain("2022-017");
    // Read once: the notice of a conversation stored anew changes nothing a turn reads.
    expect(factReads - before).toBe(1);
  });

  it("makes a search again when a project changed meanwhile", async () => {
    const { text } = await askHeld("grenade", () =>
      schema.db.project.update({ where: { reference: "2022-017" }, data: { title: "Vélodrome de Grenade" } }),
    );
    expect(text).toContain("Vélodrome de Grenade");
  });
});
