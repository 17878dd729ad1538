import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
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
const REF = "2022-017";
const CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";
// Seeded agents (prisma/seed-data/agents.ts).
const JULIEN = { id: "29:person-2", name: "Julien Lartigau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e02" };
const NATHALIE = {
  id: "29:person-6",
  name: "Nathalie Darrigrand",
  aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e06",
};
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("facture");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

/** Posts a Teams message as `from` (Julien, an agent, by default); returns the text of the bot's single reply. */
async function ask(text: string, from = JULIEN): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, from });
  const conversationId = (activity.conversation as { id: string }).id;
  expect((await bot.post(activity)).status).toBe(200);
  const [reply] = await connector.waitFor(1, conversationId);
  return String(reply?.activity.text);
}

/** Sends an `adaptiveCard/action` invoke as `from`; returns what Teams would get. */
async function invoke(verb: string, data: unknown, from = JULIEN): Promise<{ type: string; value: unknown }> {
  const activity = teamsInvoke({
    serviceUrl: connector.url,
    name: "adaptiveCard/action",
    value: executeAction(verb, data),
  });
  activity.from = from;
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
  expect(body.statusCode).toBe(200);
  return body;
}

async function written() {
  return {
    invoices: await schema.db.invoice.count(),
    checks: await schema.db.invoiceCheck.count(),
    notifications: await schema.db.notification.count(),
    audit: await schema.db.auditLog.count(),
  };
}

const amounts = async () => (await getProjectDetail(schema.db, REF, NOW)).amounts;

describe("facture on one line, over the Bot Framework protocol", () => {
  it("records the check and answers with the totals in French format", async () => {
    const before = await amounts();
    const text = await ask('facture 2022-017 Décathlon F-2291 1 234,50 € éligible 1 100 € conforme "vélos et casques"');
    const after = await amounts();
    expect(after.justifiedCents).toBe(before.justifiedCents + 110_000);
    const check = await schema.db.invoiceCheck.findFirstOrThrow({
      where: { invoice: { number: "F-2291" } },
      include: { invoice: true, checkedBy: true },
    });
    expect(check).toMatchObject({ eligibleCents: 110_000, outcome: "COMPLIANT", comment: "vélos et casques" });
    expect(check.checkedBy?.name).toBe("Julien Lartigau");
    expect(check.invoice.issuedOn.toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(text).toContain(`Contrôle n° ${check.id} enregistré`);
    expect(text).toContain("1\u202f234,50\u00a0€ dont 1\u202f100,00\u00a0€ éligibles, **conforme**");
    expect(text).toContain(`Justifié : **${formatEuros(after.justifiedCents)}**`);
    expect(text).toContain(`Reste à verser : **${formatEuros(after.payableCents)}**`);
    expect(text).toMatch(/Reste à verser : \*\*[\d\u202f]+,\d{2}\u00a0€\*\*/u);
  });

  it.each([
    ["a bad amount", "facture 2022-017 Bricoman B-1 12,345,67 conforme", "plusieurs virgules"],
    [
      "eligible over amount",
      "facture 2022-017 Bricoman B-2 100 éligible 150 conforme",
      "dépasse le montant de la facture",
    ],
    ["a future date", "facture 2022-017 Bricoman B-3 100 du 29/11/2026 conforme", "après aujourd'hui"],
    [
      "a date before the edition",
      "facture 2022-017 Bricoman B-4 100 du 21/02/2023 conforme",
      "avant le début de l'édition 2022",
    ],
    [
      "a duplicate supplier and number",
      "facture 2022-017 DECATHLON F-2291 50 conforme",
      "déjà enregistrée sur le projet 2022-017",
    ],
    ["an unknown project", "facture 2022-999 Bricoman B-5 100 conforme", "Je ne trouve aucun projet 2022-999"],
  ])("refuses %s in French and writes nothing", async (_label, line, reason) => {
    const before = await written();
    expect(await ask(line)).toContain(reason);
    expect(await written()).toEqual(before);
  });

  it("offers to edit a duplicate, naming the check", async () => {
    const check = await schema.db.invoiceCheck.findFirstOrThrow({ where: { invoice: { number: "F-2291" } } });
    expect(await ask("facture 2022-017 décathlon F-2291 50 conforme")).toContain(`**facture modifier ${check.id} …**`);
  });

  it("refuses a reader, politely, and writes nothing", async () => {
    const before = await written();
    const text = await ask("facture 2022-017 Bricoman B-6 100 conforme", NATHALIE);
    expect(text).toContain("la commande **facture** est réservée aux agents");
    expect(await written()).toEqual(before);
  });

  it("shows the grammar with aide facture", async () => {
    const text = await ask("aide facture", NATHALIE);
    expect(text).toContain("facture modifier <n° de contrôle>");
    expect(text).toContain("premier mot qui contient un chiffre");
    expect(text).toContain("à compléter");
  });

  it("corrects a check with facture modifier (history kept) and cancels with facture annuler; totals follow", async () => {
    const before = await amounts();
    const first = await ask("facture 2022-017 Leroy Merlin LM-77 2 000 conforme");
    const id = Number(/Contrôle n° (\d+)/u.exec(first)?.[1]);
    expect(first).toContain(`Justifié : **${formatEuros(before.justifiedCents + 200_000)}**`);
    const edited = await ask(`facture modifier ${id} éligible 1 500 € "plafonné"`);
    expect(edited).toContain("corrigé");
    expect(edited).toContain(`Justifié : **${formatEuros(before.justifiedCents + 150_000)}**`);
    expect(await schema.db.invoiceCheck.count({ where: { invoice: { number: "LM-77" } } })).toBe(2);
    const cancelled = await ask('facture annuler 2022-017 LM-77 "doublon de F-2291"');
    expect(cancelled).toContain("Facture LM-77 annulée");
    expect(cancelled).toContain(`Justifié : **${formatEuros(before.justifiedCents)}**`);
  });

  it("an « à compléter » check queues the porteur's e-mail listing what is missing", async () => {
    const text = await ask('facture 2022-017 Intersport I-9 300 a completer "RIB ; facture acquittée"');
    expect(text).toContain("Le porteur");
    const notification = await schema.db.notification.findFirstOrThrow({
      where: { template: "invoice-incomplete" },
      orderBy: { id: "desc" },
    });
    expect(notification.payload).toMatchObject({ invoiceNumber: "I-9", missingItems: ["RIB", "facture acquittée"] });
  });
});

describe("the invoice form card", () => {
  it("shows the button on the project card, and invoice.form answers with the form (Adaptive Card 1.5)", async () => {
    const activity = teamsMessage({ serviceUrl: connector.url, text: "statut 2022-017", from: JULIEN });
    await bot.post(activity);
    const [reply] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
    const card = JSON.stringify(reply?.activity.attachments);
    expect(card).toContain('"verb":"invoice.form"');

    const answer = await invoke("invoice.form", { reference: REF });
    expect(answer.type).toBe(CARD);
    const form = answer.value as Record<string, unknown>;
    expect(validateAdaptiveCard(form)).toEqual([]);
    const body = form.body as { type: string; id?: string; max?: string; min?: string }[];
    expect(body.filter((e) => e.id).map((e) => [e.type, e.id])).toEqual([
      ["Input.Text", "supplier"],
      ["Input.Text", "number"],
      ["Input.Date", "invoiceDate"],
      ["Input.Text", "amount"],
      ["Input.Text", "eligible"],
      ["Input.ChoiceSet", "outcome"],
      ["Input.Text", "missingItems"],
      ["Input.Text", "comment"],
    ]);
    expect(body.find((e) => e.id === "invoiceDate")).toMatchObject({ min: "2023-02-22", max: "2026-11-28" });
    expect(form.actions).toContainEqual(
      expect.objectContaining({ type: "Action.Execute", verb: "invoice.save", data: { reference: REF } }),
    );
  });

  it("invoice.save with good data answers with the project card and its new totals", async () => {
    const before = await amounts();
    const answer = await invoke("invoice.save", {
      reference: REF,
      supplier: "Skate Shop Landes",
      number: "SS-42",
      invoiceDate: "2026-10-05",
      amount: "2\u202f400,00 €",
      eligible: "2 000",
      outcome: "COMPLIANT",
      missingItems: "",
      comment: "rampe",
    });
    expect(answer.type).toBe(CARD);
    const card = answer.value as Record<string, unknown>;
    expect(validateAdaptiveCard(card)).toEqual([]);
    const json = JSON.stringify(card);
    const after = await amounts();
    expect(after.justifiedCents).toBe(before.justifiedCents + 200_000);
    expect(json).toContain("enregistré : facture SS-42 de Skate Shop Landes du 05/10/2026");
    expect(json).toContain(formatEuros(after.justifiedCents));
    expect(json).toContain(formatEuros(after.payableCents));
  });

  it("invoice.save with bad data answers with the form and French errors next to the fields, writing nothing", async () => {
    const before = await written();
    const answer = await invoke("invoice.save", {
      reference: REF,
      supplier: "",
      number: "SS 43",
      invoiceDate: "2026-13-01",
      amount: "1,2,3",
      eligible: "-4",
      outcome: "PERHAPS",
    });
    expect(answer.type).toBe(CARD);
    const form = answer.value as { body: { type: string; id?: string; text?: string }[] };
    expect(validateAdaptiveCard(form as unknown as Record<string, unknown>)).toEqual([]);
    const errorAfter = (id: string) => {
      const index = form.body.findIndex((e) => e.id === id);
      return form.body[index + 1]?.text ?? "";
    };
    expect(errorAfter("supplier")).toContain("Indiquez le fournisseur");
    expect(errorAfter("number")).toContain("sans espace");
    expect(errorAfter("invoiceDate")).toContain("Indiquez la date");
    expect(errorAfter("amount")).toContain("plusieurs virgules");
    expect(errorAfter("eligible")).toContain("négatif");
    expect(errorAfter("outcome")).toContain("Choisissez");
    expect(JSON.stringify(form)).toContain('"value":"1,2,3"');
    expect(await written()).toEqual(before);

    const domainRefusal = await invoke("invoice.save", {
      reference: REF,
      supplier: "Skate Shop Landes",
      number: "SS-44",
      invoiceDate: "2026-10-05",
      amount: "100",
      eligible: "150",
      outcome: "COMPLIANT",
    });
    const refused = domainRefusal.value as { body: { id?: string; text?: string }[] };
    const index = refused.body.findIndex((e) => e.id === "eligible");
    expect(refused.body[index + 1]?.text).toContain("dépasse le montant de la facture");
    expect(await written()).toEqual(before);
  });

  it("refuses a reader's form and save in French, writing nothing", async () => {
    const before = await written();
    const form = await invoke("invoice.form", { reference: REF }, NATHALIE);
    expect(form).toMatchObject({ type: MESSAGE });
    expect(String(form.value)).toContain("réservé aux agents");
    const save = await invoke(
      "invoice.save",
      {
        reference: REF,
        supplier: "X",
        number: "X-1",
        invoiceDate: "2026-10-05",
        amount: "1",
        eligible: "1",
        outcome: "COMPLIANT",
      },
      NATHALIE,
    );
    expect(save).toMatchObject({ type: MESSAGE });
    expect(await written()).toEqual(before);
  });
});
