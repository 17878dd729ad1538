import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { lateProjectWhere } from "../../domain/projects/late-conditions.ts";
import { seed } from "../../prisma/seed.ts";
import { AGENTS } from "../../prisma/seed-data/agents.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { AGENT_USER, teamsMessage } from "../support/teams-activity.ts";
import { executeAction, teamsInvoke } from "../support/teams-invoke.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";
/** A seeded agent who follows the projects of five cantons. */
const JULIEN = AGENTS.find((a) => a.name === "Julien Lartigau")!;
const JULIEN_USER = { id: "29:julien", name: JULIEN.name, aadObjectId: JULIEN.aadObjectId };
type Card = Record<string, unknown>;
type Row = { selectAction: { type: string; verb: string; data: { reference: string } } };
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("projets");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

/** Posts a Teams message; returns the bot's single reply (text, and the card if any). */
async function ask(text: string, options: Partial<Parameters<typeof teamsMessage>[0]> = {}) {
  const activity = teamsMessage({ serviceUrl: connector.url, text, ...options });
  const conversationId = (activity.conversation as { id: string }).id;
  expect((await bot.post(activity)).status).toBe(200);
  const [reply] = await connector.waitFor(1, conversationId);
  const attachments = (reply?.activity.attachments ?? []) as { contentType: string; content: Card }[];
  expect(attachments.every((a) => a.contentType === CARD)).toBe(true);
  return { text: String(reply?.activity.text ?? ""), card: attachments[0]?.content };
}

/** Sends an `adaptiveCard/action` invoke as `from`; returns the HTTP status and body. */
async function invoke(verb: string, data: unknown, from = AGENT_USER) {
  const activity = {
    ...teamsInvoke({ serviceUrl: connector.url, name: "adaptiveCard/action", value: executeAction(verb, data) }),
    from,
  };
  const response = await bot.post(activity);
  return {
    status: response.status,
    body: (await response.json()) as { statusCode: number; type: string; value: unknown },
  };
}

const rows = (card: Card) => (card.body as Card[]).filter((e) => e.type === "Container") as unknown as Row[];
const rowReferences = (card: Card) => rows(card).map((r) => r.selectAction.data.reference);
const pageActions = (card: Card) =>
  ((card.actions ?? []) as { title: string; verb: string; data: unknown }[]).map(({ title, verb, data }) => ({
    title,
    verb,
    data,
  }));

/** A list card: valid 1.5, every row opening its project. */
function expectListCard(card: Card | undefined): Card {
  expect(card).toBeDefined();
  expect(validateAdaptiveCard(card!)).toEqual([]);
  for (const row of rows(card!))
    expect(row.selectAction).toMatchObject({ type: "Action.Execute", verb: "project.open" });
  return card!;
}

describe("projets, mes projets and free-text search over the Bot Framework protocol", () => {
  it("lists « projets 2021 jeunes » on pages of 10 with a next-page action", async () => {
    const expected = await schema.db.project.findMany({
      where: { isYouth: true, edition: { year: 2021 } },
      select: { reference: true, awardedCents: true },
      orderBy: { number: "asc" },
    });
    expect(expected.length).toBe(17);
    const { text, card } = await ask("projets 2021 jeunes");
    const list = expectListCard(card);
    expect(text).toBe("Projets : édition 2021, jeunes · 17 projets · page 1 sur 2");
    expect(rowReferences(list)).toEqual(expected.slice(0, 10).map((p) => p.reference));
    const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(
      expected[0]!.awardedCents / 100,
    );
    expect(JSON.stringify(list)).toContain(`${euros}"`);
    expect(JSON.stringify(list)).toContain("Projet jeune");
    expect(pageActions(list)).toEqual([
      { title: "Page suivante", verb: "projects.page", data: { query: "projets 2021 jeunes", page: 2 } },
    ]);
  });

  it("answers in a channel when mentioned (« @BPC40 projets canton Seignanx »)", async () => {
    const count = await schema.db.project.count({ where: { canton: { slug: "seignanx" } } });
    const { text, card } = await ask("projets canton Seignanx", { conversationType: "channel", mention: true });
    expectListCard(card);
    expect(text).toContain(`Projets : canton Seignanx · ${count} projets`);
  });

  it("updates the list card in place for « Page suivante » (projects.page)", async () => {
    const { status, body } = await invoke("projects.page", { query: "projets 2021 jeunes", page: 2 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: CARD });
    const card = expectListCard(body.value as Card);
    expect(rows(card)).toHaveLength(7);
    expect(pageActions(card)).toEqual([
      { title: "Page précédente", verb: "projects.page", data: { query: "projets 2021 jeunes", page: 1 } },
    ]);
  });

  it("answers malformed page data with a French message, never an error", async () => {
    for (const data of [
      { query: 42, page: 2 },
      { query: "projets", page: "2" },
      { query: "projets", page: 0 },
      { query: "projets", page: 1.5 },
      null,
    ]) {
      const { status, body } = await invoke("projects.page", data);
      expect(status, JSON.stringify(data)).toBe(200);
      expect(body.type, JSON.stringify(data)).toBe(MESSAGE);
      expect(String(body.value)).toMatch(/^(Cette carte ne dit pas quelle liste afficher|Numéro de page invalide)/);
    }
  });

  it("lists « mes projets » for the agent who speaks, and pages them", async () => {
    const agent = await schema.db.agent.findUniqueOrThrow({ where: { aadObjectId: JULIEN.aadObjectId } });
    const followed = await schema.db.project.count({ where: { followedById: agent.id } });
    expect(followed).toBeGreaterThan(10);
    const { text, card } = await ask("mes projets", { from: JULIEN_USER });
    const list = expectListCard(card);
    expect(text).toContain(`Mes projets · ${followed} projets`);
    const shown = await schema.db.project.findMany({
      where: { reference: { in: rowReferences(list) } },
      select: { followedById: true },
    });
    expect(shown.map((p) => p.followedById)).toEqual(Array(10).fill(agent.id));
    const next = await invoke("projects.page", { query: "mes projets", page: 2 }, JULIEN_USER);
    const second = expectListCard(next.body.value as Card);
    expect(rowReferences(second).some((r) => rowReferences(list).includes(r))).toBe(false);
  });

  it("filters « mes projets 2024 en retard » like « projets »", async () => {
    const agent = await schema.db.agent.findUniqueOrThrow({ where: { aadObjectId: JULIEN.aadObjectId } });
    const late = await schema.db.project.findMany({
      where: { AND: [lateProjectWhere(NOW), { followedById: agent.id, edition: { year: 2024 } }] },
      select: { reference: true },
    });
    const { text, card } = await ask("mes projets 2024 en retard", { from: JULIEN_USER });
    expect(late.length).toBeGreaterThan(0);
    expect(text).toContain("Mes projets : édition 2024, en retard");
    expect(rowReferences(expectListCard(card)).sort()).toEqual(late.map((p) => p.reference).sort());
  });

  it("moves a page past the end back to the last page", async () => {
    const { body } = await invoke("projects.page", { query: "projets 2021 jeunes", page: 99 });
    const card = expectListCard(body.value as Card);
    expect(rows(card)).toHaveLength(7);
    expect(JSON.stringify(card)).toContain("page 2 sur 2");
  });

  it("says so when « mes projets » comes from someone who follows no project", async () => {
    const { text } = await ask("mes projets");
    expect(text).toContain("Je ne vous trouve pas parmi les agents");
  });

  it("opens the project card for free text with one clear hit (« grenad skatpark »)", async () => {
    const { text, card } = await ask("grenad skatpark");
    expect(text).toContain("2022-017 · Skatepark de Grenade-sur-l'Adour");
    expect(validateAdaptiveCard(card!)).toEqual([]);
    expect(JSON.stringify(card)).toContain("Montant attribué");
  });

  it("lists several hits for free text (« skatepark »), best first", async () => {
    const skateparks = await schema.db.project.findMany({
      where: { title: { contains: "Skatepark" } },
      select: { reference: true },
    });
    expect(skateparks.length).toBeGreaterThan(1);
    const { text, card } = await ask("skatepark", { conversationType: "channel", mention: true });
    const list = expectListCard(card);
    expect(text).toBe(`Projets : « skatepark » · ${skateparks.length} projets`);
    expect(rowReferences(list).sort()).toEqual(skateparks.map((p) => p.reference).sort());
    expect(pageActions(list)).toEqual([]);
    const first = (card!.body as Card[])[2] as Card;
    // Reference, title and amount on the row's first line, place and status under it.
    expect(JSON.stringify(first)).toMatch(
      /"text":"\*\*\d{4}-\d{3}\*\* · Skatepark [^"]* · [\d\u202f]+,\d{2}\u00a0€".*"text":"[^"]+ \([^"]+\) · /,
    );
  });

  it("says in French when nothing matches, with examples", async () => {
    const { text, card } = await ask("xqzwv plorktu");
    expect(card).toBeUndefined();
    expect(text).toContain("Aucun projet trouvé");
    expect(text).toContain("**skatepark grenade**");
    expect(text).toContain("**projets 2021 jeunes**");
  });
});
