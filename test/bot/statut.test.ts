import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("statut");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

type MessageOptions = Partial<Parameters<typeof teamsMessage>[0]>;

/** Posts a Teams message and returns the bot's single reply activity. */
async function reply(text: string, options: MessageOptions = {}): Promise<Record<string, unknown>> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, ...options });
  const conversationId = (activity.conversation as { id: string }).id;
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [answer] = await connector.waitFor(1, conversationId);
  expect(answer?.replyToId).toBe(activity.id);
  expect(answer?.activity.type).toBe("message");
  return answer?.activity ?? {};
}

/** The text of the bot's single reply. */
async function ask(text: string, options: MessageOptions = {}): Promise<string> {
  return String((await reply(text, options)).text);
}

/** The bot's single reply as an Adaptive Card: its JSON text (the summary first). */
async function askCard(text: string, options: MessageOptions = {}): Promise<string> {
  const activity = await reply(text, options);
  const [attachment] = activity.attachments as { contentType: string; content: unknown }[];
  expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return `${String(activity.text)}\n${JSON.stringify(attachment?.content)}`;
}

describe("statut over the Bot Framework protocol", () => {
  it("answers statut 2022-017 in personal chat with the project read from PostgreSQL", async () => {
    const project = await schema.db.project.findUniqueOrThrow({
      where: { reference: "2022-017" },
      include: { holder: true, commune: true },
    });
    const card = await askCard("statut 2022-017");
    expect(card).toContain("2022-017");
    expect(card).toContain(JSON.stringify(project.title));
    expect(card).toContain(project.holder.name);
    expect(card).toContain(project.commune?.name ?? "");
    const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(
      project.awardedCents / 100,
    );
    expect(card).toContain(JSON.stringify({ title: "Montant attribué", value: euros }));
    expect(card).toContain(`"text":"${projectStatusLabels[project.status]}"`);
  });

  it("strips the leading <at>…</at> mention of a channel message", async () => {
    const card = await askCard("statut 2022-017", { conversationType: "channel", mention: true });
    expect(card).toContain("2022-017");
    expect(card).toContain("Skatepark");
  });

  it("accepts accents, case and a short number (Statut 2022-17)", async () => {
    const card = await askCard("STATUT 2022-17");
    expect(card).toContain("2022-017");
  });

  it("says so in French for an unknown reference", async () => {
    const text = await ask("statut 2022-999");
    expect(text).toContain("Je ne trouve aucun projet 2022-999");
  });

  it("asks for a reference when none is given", async () => {
    const text = await ask("statut");
    expect(text).toContain("Indiquez une référence de projet");
  });

  it("answers text that is neither a command nor a search with the ways to search", async () => {
    // Free text is a project search (test/bot/projets.test.ts); « bonjour » holds no word to search.
    const text = await ask("bonjour");
    expect(text).toContain("Je n'ai pas compris « bonjour »");
    expect(text).toContain("2022-017");
    expect(text).toContain("**aide**");
  });

  it("refuses a malformed activity with 400 and a French reason", async () => {
    const response = await bot.post({ type: "message", text: "statut 2022-017" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain("conversation.id");
    const notJson = await bot.post("{pas du json");
    expect(notJson.status).toBe(400);
  });

  it("refuses a body over the limit with 413", async () => {
    const activity = teamsMessage({ serviceUrl: connector.url, text: "x".repeat(300 * 1024) });
    const response = await bot.post(activity);
    expect(response.status).toBe(413);
  });

  it("reports PostgreSQL and Redis in /healthz", async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", postgres: "ok", redis: "ok" });
  });
});
