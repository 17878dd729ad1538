import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot, waitForSearchMemory } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { teamsInvoke } from "../support/teams-invoke.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("msgext");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
  // The compose box searches the bot's memory, as the chat does.
  await waitForSearchMemory(bot);
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

interface ExtensionAttachment {
  contentType: string;
  content: Record<string, unknown>;
  preview: { content: { title: string } };
}
interface ExtensionAnswer {
  composeExtension: { type: string; text?: string; attachmentLayout?: string; attachments: ExtensionAttachment[] };
}

async function query(value: unknown) {
  const response = await bot.post(teamsInvoke({ serviceUrl: connector.url, name: "composeExtension/query", value }));
  const body = (await response.json().catch(() => null)) as ExtensionAnswer | null;
  return { status: response.status, body };
}

async function ask(text: string, mention = false): Promise<string> {
  const activity = teamsMessage({
    serviceUrl: connector.url,
    text,
    mention,
    conversationType: mention ? "channel" : "personal",
  });
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [reply] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
  return String(reply?.activity.text ?? "");
}

describe("message extension (search from the compose box)", () => {
  it("finds projects despite typos and gives each a preview and an insertable card", async () => {
    const { status, body } = await query({
      commandId: "rechercherProjet",
      parameters: [{ name: "texte", value: "grenad skatpark" }],
      queryOptions: { skip: 0, count: 10 },
    });
    expect(status).toBe(200);
    expect(body?.composeExtension.type).toBe("result");
    expect(body?.composeExtension.attachmentLayout).toBe("list");
    const first = body!.composeExtension.attachments[0]!;
    expect(first.preview.content.title).toBe("2022-017 · Skatepark de Grenade-sur-l'Adour");
    expect(first.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(validateAdaptiveCard(first.content)).toEqual([]);
    expect(JSON.stringify(first.content)).toContain("Skatepark de Grenade-sur-l'Adour");
  });

  it("answers an empty search, no result and an unknown command with a French message", async () => {
    const empty = await query({ commandId: "rechercherProjet", parameters: [{ name: "texte", value: "" }] });
    expect(empty.body?.composeExtension).toMatchObject({ type: "message" });
    expect(empty.body?.composeExtension.text).toContain("Tapez le nom d'un projet");
    const none = await query({ commandId: "rechercherProjet", parameters: [{ name: "texte", value: "zzqxw" }] });
    expect(none.body?.composeExtension.text).toContain("Aucun projet ne correspond");
    const unknown = await query({ commandId: "autre", parameters: [] });
    expect(unknown.body?.composeExtension.text).toBe("Recherche inconnue.");
  });

  it("refuses malformed parameters with 400", async () => {
    const bad = await query({ commandId: "rechercherProjet", parameters: [{ name: "texte", value: { $ne: 1 } }] });
    expect(bad.status).toBe(400);
  });
});

describe("bad input gets a clear French answer and never crashes the server", () => {
  it("answers an empty message and a message that is only a mention", async () => {
    expect(await ask("")).toContain("Je n'ai reçu aucun texte");
    expect(await ask("", true)).toContain("Je n'ai reçu aucun texte");
  });

  it("answers a 10 000-character text by asking to shorten it", async () => {
    expect(await ask("a".repeat(10_000))).toContain("Votre message est trop long");
  });

  it("answers an invoke without value, and an invoke nobody handles, without a 5xx", async () => {
    const noValue = await bot.post(teamsInvoke({ serviceUrl: connector.url, name: "adaptiveCard/action" }));
    expect(noValue.status).toBe(400);
    const unknown = await bot.post(teamsInvoke({ serviceUrl: connector.url, name: "task/fetch", value: {} }));
    expect(unknown.status).toBe(200);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("refuses activities with missing fields with 400 and writes nothing", async () => {
    const before = await schema.db.conversationReference.count();
    for (const body of [{}, { type: "message" }, { type: "message", conversation: { id: "x" } }, [], "null"]) {
      const response = await bot.post(body);
      expect(response.status).toBe(400);
    }
    expect(await schema.db.conversationReference.count()).toBe(before);
  });
});
