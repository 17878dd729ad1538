import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** Posts a Teams message and returns the text of the bot's single reply. */
async function ask(text: string, options: Partial<Parameters<typeof teamsMessage>[0]> = {}): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, ...options });
  const conversationId = (activity.conversation as { id: string }).id;
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [reply] = await connector.waitFor(1, conversationId);
  expect(reply?.replyToId).toBe(activity.id);
  expect(reply?.activity.type).toBe("message");
  return String(reply?.activity.text);
}

describe("statut over the Bot Framework protocol", () => {
  it("answers statut 2022-017 in personal chat with the project read from PostgreSQL", async () => {
    const project = await schema.db.project.findUniqueOrThrow({
      where: { reference: "2022-017" },
      include: { holder: true, commune: true },
    });
    const text = await ask("statut 2022-017");
    expect(text).toContain("2022-017");
    expect(text).toContain(project.title);
    expect(text).toContain(project.holder.name);
    expect(text).toContain(project.commune?.name ?? "");
    const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(
      project.awardedCents / 100,
    );
    expect(text).toContain(`Montant attribué : ${euros}`);
    expect(text).toMatch(/Statut : \*\*[^*]+\*\*/);
  });

  it("strips the leading <at>…</at> mention of a channel message", async () => {
    const text = await ask("statut 2022-017", { conversationType: "channel", mention: true });
    expect(text).toContain("2022-017");
    expect(text).toContain("Skatepark");
  });

  it("accepts accents, case and a short number (Statut 2022-17)", async () => {
    const text = await ask("STATUT 2022-17");
    expect(text).toContain("2022-017");
  });

  it("says so in French for an unknown reference", async () => {
    const text = await ask("statut 2022-999");
    expect(text).toContain("Je ne trouve aucun projet 2022-999");
  });

  it("asks for a reference when none is given", async () => {
    const text = await ask("statut");
    expect(text).toContain("Indiquez une référence de projet");
  });

  it("answers an unknown command with the help", async () => {
    const text = await ask("bonjour");
    expect(text).toContain("Je ne connais pas la commande");
    expect(text).toContain("statut 2022-017");
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
