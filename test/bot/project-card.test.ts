import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProjectCard } from "../../bot/cards/project-card.ts";
import { cardActions, handledCardVerbs } from "../../bot/teams/card-actions.ts";
import { addDays, parisTime } from "../../domain/dates/paris-time.ts";
import { getProjectDetail } from "../../domain/projects/get-project-detail.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { executeAction, teamsInvoke } from "../support/teams-invoke.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";
const euros = (cents: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("project_card");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

/** Posts a Teams message; returns the bot's single reply activity. */
async function ask(text: string): Promise<Record<string, unknown>> {
  const activity = teamsMessage({ serviceUrl: connector.url, text });
  const conversationId = (activity.conversation as { id: string }).id;
  expect((await bot.post(activity)).status).toBe(200);
  const [reply] = await connector.waitFor(1, conversationId);
  return reply?.activity ?? {};
}

/** Sends an `adaptiveCard/action` invoke; returns the HTTP status and body Teams would get. */
async function invoke(value: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await bot.post(teamsInvoke({ serviceUrl: connector.url, name: "adaptiveCard/action", value }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function executeVerbs(card: Record<string, unknown>): { verb: string; data: unknown }[] {
  return (card.actions as { type: string; verb: string; data: unknown }[]).map(({ type, verb, data }) => {
    expect(type).toBe("Action.Execute");
    return { verb, data };
  });
}

describe("the project card over the Bot Framework protocol", () => {
  it("answers statut 2022-017 with a valid Adaptive Card 1.5: title, French amounts, timeline", async () => {
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference: "2022-017" } });
    const reply = await ask("statut 2022-017");
    const [attachment] = reply.attachments as { contentType: string; content: Record<string, unknown> }[];
    expect(attachment?.contentType).toBe(CARD);
    const card = attachment!.content;
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.version).toBe("1.5");
    expect(String(reply.text)).toContain("2022-017 · Skatepark");
    const json = JSON.stringify(card);
    expect(json).toContain(project.title);
    const awarded = euros(project.awardedCents);
    expect(awarded).toMatch(/^\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/);
    expect(json).toContain(JSON.stringify({ title: "Montant attribué", value: awarded }));
    for (const step of ["Lauréat", "Convention", "Versements", "Réalisation", "Inauguration", "Bilan n+1", "Clos"]) {
      expect(json).toContain(`**${step}** · `);
    }
    // One line a step, its marker first: ✓ done, ● current, ○ to come (subdued).
    expect(json).toContain('"text":"✓ **Lauréat** · fait"');
    expect(json).toMatch(/"text":"○ \*\*Clos\*\* · à venir","wrap":true,"spacing":"Small","isSubtle":true/);
    expect(json).toMatch(/acompte de [\d\u202f]+,\d{2}\u00a0€ versé le \d{2}\/\d{2}\/\d{4}/);
    expect(executeVerbs(card)).toContainEqual({ verb: "project.refresh", data: { reference: "2022-017" } });
  });

  it("shows only the buttons whose verb is handled, each carrying the reference", async () => {
    const reply = await ask("statut 2022-17");
    const card = (reply.attachments as { content: Record<string, unknown> }[])[0]!.content;
    for (const { verb, data } of executeVerbs(card)) {
      expect(Object.keys(cardActions)).toContain(verb);
      expect(data).toEqual({ reference: "2022-017" });
    }
  });

  it("answers project.refresh with the card read afresh, and project.open the same way", async () => {
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference: "2022-017" } });
    const before = await getProjectDetail(schema.db, "2022-017", NOW);
    await schema.db.invoice.create({
      data: {
        projectId: project.id,
        supplier: "Glisse Landes Équipements",
        supplierKey: "glisse landes equipements",
        number: "TEST-2026-001",
        issuedOn: addDays(NOW, -10),
        amountCents: 150_000,
        checks: { create: { eligibleCents: 123_456, outcome: "COMPLIANT", checkedAt: addDays(NOW, -1) } },
      },
    });
    const refreshed = await invoke(executeAction("project.refresh", { reference: "2022-017" }, "Actualiser"));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ statusCode: 200, type: CARD });
    const card = refreshed.body.value as Record<string, unknown>;
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(project.title);
    const justified = euros(before.amounts.justifiedCents + 123_456);
    expect(JSON.stringify(card)).toContain(
      JSON.stringify({ title: "Justifié (factures conformes)", value: justified }),
    );

    const opened = await invoke(executeAction("project.open", { reference: "2022-017" }));
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ statusCode: 200, type: CARD, value: { type: "AdaptiveCard", version: "1.5" } });
  });

  it.each([
    ["no reference", {}, "référence"],
    ["a malformed reference", { reference: "'; DROP TABLE project; --" }, "référence"],
    ["a reference that is not text", { reference: 2022017 }, "référence"],
    ["data that is not an object", "2022-017", "référence"],
    ["an unknown project", { reference: "2022-999" }, "Je ne trouve aucun projet 2022-999"],
  ])("answers %s with a French message, HTTP 200", async (_label, data, expected) => {
    const answer = await invoke(executeAction("project.refresh", data));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: MESSAGE });
    expect(String(answer.body.value)).toContain(expected);
  });

  it("refuses an invoke without value.action with 400 and a French error", async () => {
    for (const value of [
      undefined,
      {},
      { action: "project.refresh" },
      { action: { data: { reference: "2022-017" } } },
    ]) {
      const answer = await invoke(value);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
      expect(JSON.stringify(answer.body)).toContain("Action de carte invalide");
    }
  });

  it("answers an unknown verb with a valid 200 message", async () => {
    const answer = await invoke(executeAction("project.explode", { reference: "2022-017" }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: MESSAGE });
    expect(String(answer.body.value)).toContain("n'est pas");
  });
});

describe("buildProjectCard over the seeded projects", () => {
  it("builds a valid 1.5 card for every project, late items in the attention colour", async () => {
    const projects = await schema.db.project.findMany({ select: { reference: true }, orderBy: { reference: "asc" } });
    let late = 0;
    for (const { reference } of projects) {
      const view = await getProjectDetail(schema.db, reference, NOW);
      const card = buildProjectCard(view, { now: NOW, handledVerbs: handledCardVerbs() });
      expect(validateAdaptiveCard(card), reference).toEqual([]);
      const json = JSON.stringify(card);
      if (view.isLate) {
        late++;
        expect(json, reference).toMatch(
          /"text":"⚠ [^"]*\(en retard [^"]*\)","wrap":true,"spacing":"Small","color":"attention"/,
        );
        expect(json, reference).toContain('"text":"En retard"');
      } else {
        expect(json, reference).not.toContain("⚠");
      }
    }
    expect(late).toBeGreaterThan(5);
  });

  it("shows an abandoned project's abandonment and reason, with no action but refresh", async () => {
    const row = await schema.db.project.findFirstOrThrow({ where: { status: "ABANDONED" }, orderBy: { id: "asc" } });
    const view = await getProjectDetail(schema.db, row.reference, NOW);
    const all = ["project.refresh", "invoice.form", "event.form"];
    const card = buildProjectCard(view, { now: NOW, handledVerbs: all });
    const json = JSON.stringify(card);
    expect(json).toContain("**Abandonné** · le ");
    expect(json).toContain(`Motif : ${row.statusReason}`);
    expect(executeVerbs(card).map((a) => a.verb)).toEqual(["project.refresh"]);
    const open = buildProjectCard(await getProjectDetail(schema.db, "2022-017", NOW), { now: NOW, handledVerbs: all });
    expect(executeVerbs(open).map((a) => a.verb)).toEqual(["invoice.form", "event.form", "project.refresh"]);
  });
});

describe("validateAdaptiveCard (the test helper itself)", () => {
  const valid = {
    type: "AdaptiveCard",
    version: "1.5",
    body: [{ type: "TextBlock", text: "Bonjour", color: "attention" }],
    actions: [
      { type: "Action.Execute", title: "Actualiser", verb: "project.refresh", data: { reference: "2022-017" } },
    ],
  };

  it("accepts a valid 1.5 card with Action.Execute", () => {
    expect(validateAdaptiveCard(valid)).toEqual([]);
  });

  it.each([
    ["a wrong version", { ...valid, version: "1.6" }, "version"],
    ["an unknown element", { ...valid, body: [{ type: "Badge", text: "x" }] }, "Badge"],
    ["an invalid colour", { ...valid, body: [{ type: "TextBlock", text: "x", color: "rouge" }] }, "rouge"],
    ["an unknown property", { ...valid, body: [{ type: "TextBlock", text: "x", colour: "good" }] }, "colour"],
    ["an unknown action", { ...valid, actions: [{ type: "Action.Http", title: "x" }] }, "Action.Http"],
  ])("reports %s", (_label, card, expected) => {
    const problems = validateAdaptiveCard(card);
    expect(problems.join("\n")).toContain(expected);
  });
});
