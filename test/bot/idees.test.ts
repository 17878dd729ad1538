import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { seed } from "../../prisma/seed.ts";
import { botTurns } from "../support/bot-turns.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";
// Seeded agents (prisma/seed-data/agents.ts): Julien is an agent, Nathalie a reader.
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
  schema = await freshSchema("idees");
  await seed(schema.db, { now: NOW });
  const edition = await schema.db.edition.findUniqueOrThrow({ where: { year: 2024 } });
  const dax = await schema.db.canton.findFirstOrThrow({ where: { name: "Dax-1" } });
  const seignanx = await schema.db.canton.findFirstOrThrow({ where: { name: "Seignanx" } });
  const base = {
    editionId: edition.id,
    holderName: "Collectif des riders",
    contactEmail: "riders@exemple.fr",
    description: "Une piste ouverte à tous les jeunes de la commune, gérée avec le club et les écoles.",
  };
  await schema.db.idea.create({
    data: {
      ...base,
      reference: "I2024-0001",
      title: "Pumptrack du bourg",
      cantonId: dax.id,
      estimatedCents: 3_500_000,
      isYouth: true,
    },
  });
  await schema.db.idea.create({
    data: {
      ...base,
      reference: "I2024-0002",
      title: "Animateur pour la ludothèque",
      cantonId: seignanx.id,
      estimatedCents: 2_000_000,
      description: "Payer le salaire d'un animateur pour ouvrir la ludothèque aux habitants du canton.",
    },
  });
  for (let i = 3; i <= 14; i++) {
    await schema.db.idea.create({
      data: {
        ...base,
        reference: `I2024-${String(i).padStart(4, "0")}`,
        title: `Idée n° ${i}`,
        cantonId: seignanx.id,
        estimatedCents: 100_000 * i,
      },
    });
  }
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

/** Bot turns as Julien by default (cards checked as Teams renders them). */
const turns = () => botTurns(bot, connector, JULIEN);
const reply = (text: string, from = JULIEN) => turns().reply(text, from);
const askCard = (text: string, from = JULIEN) => turns().askCard(text, from);
const invoke = (verb: string, data: unknown, from = JULIEN) => turns().invoke(verb, data, from);

describe("idées over the Bot Framework protocol", () => {
  it("lists the ideas a page at a time, with filters and page buttons", async () => {
    const card = await askCard("idées");
    const json = JSON.stringify(card);
    expect(json).toContain("Idées déposées — édition 2024");
    expect(json).toContain("14 idées · page 1 sur 2");
    expect(json).toContain("I2024-0001");
    expect(json).not.toContain("I2024-0011");
    expect(json).toContain('"verb":"ideas.page"');
    const next = await invoke("ideas.page", { query: "", page: 2 });
    expect(next.type).toBe(CARD);
    expect(JSON.stringify(next.value)).toContain("I2024-0011");

    const filtered = JSON.stringify(await askCard("idées 2024 dax 1 jeunes à analyser"));
    expect(filtered).toContain("1 idée");
    expect(filtered).toContain("Pumptrack du bourg");
    expect(filtered).toContain("point(s) d'attention");
    const text = String((await reply("idées n'importe quoi")).text);
    expect(text).toContain("Je n'ai pas compris « n'importe quoi »");
  });

  it("opens an idea's card with its warnings in the attention colour and its forms", async () => {
    const card = await askCard("idée i2024-1");
    const json = JSON.stringify(card);
    expect(json).toContain("Idée I2024-0001 · édition 2024 · à analyser");
    expect(json).toContain("35\u202f000,00\u00a0€");
    expect(json).toContain("au-delà du plafond de 30\u202f000,00\u00a0€ pour un projet jeune");
    expect(json).toMatch(/"text":"- Coût estimé[^"]*","color":"attention"/);
    expect(json).toContain('"verb":"idea.decide"');
    expect(json).toContain('"id":"reason"');
    expect(json).toContain('"verb":"idea.note"');
    const jobs = JSON.stringify(await askCard("idée I2024-0002"));
    expect(jobs).toContain("évoque un emploi (« salaire »)");
    const unknown = String((await reply("idée I2024-9999")).text);
    expect(unknown).toContain("Je ne trouve aucune idée I2024-9999");
  });

  it("decides through the card action: reason required, then the decision, its audit and the e-mail", async () => {
    const missing = await invoke("idea.decide", { reference: "I2024-0001", status: "TO_ADJUST", reason: " " });
    expect(missing.type).toBe(CARD);
    expect(JSON.stringify(missing.value)).toContain("Indiquez le motif de la décision « à ajuster »");
    expect((await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2024-0001" } })).status).toBe("TO_ANALYSE");
    const bad = await invoke("idea.decide", { reference: "I2024-0001", status: "MAYBE" });
    expect(JSON.stringify(bad.value)).toContain("Décision non enregistrée");

    const reason = "Réduire le coût sous 30 000 € (projet jeune).";
    const answer = await invoke("idea.decide", { reference: "I2024-0001", status: "TO_ADJUST", reason });
    expect(answer.type).toBe(CARD);
    expect(validateAdaptiveCard(answer.value as Record<string, unknown>)).toEqual([]);
    const json = JSON.stringify(answer.value);
    expect(json).toContain("Décision enregistrée : à ajuster. Le porteur en est informé par e-mail.");
    expect(json).toContain(`Motif : ${reason}`);
    expect(json).toContain("par Julien Lartigau");
    const idea = await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2024-0001" } });
    expect(idea).toMatchObject({ status: "TO_ADJUST", decisionReason: reason });
    expect(
      await schema.db.notification.count({ where: { template: "idea-decision", recipientEmail: "riders@exemple.fr" } }),
    ).toBe(1);
    expect(await schema.db.auditLog.count({ where: { action: "idea.decide", entityId: String(idea.id) } })).toBe(1);
  });

  it("adds a support note through the card action", async () => {
    const empty = await invoke("idea.note", { reference: "I2024-0002", note: "  " });
    expect(JSON.stringify(empty.value)).toContain("La note de suivi est vide");
    const answer = await invoke("idea.note", {
      reference: "I2024-0002",
      note: "Appel : le porteur va chiffrer du matériel plutôt qu'un poste.",
    });
    expect(answer.type).toBe(CARD);
    const json = JSON.stringify(answer.value);
    expect(json).toContain("Note de suivi enregistrée.");
    expect(json).toContain("Julien Lartigau : Appel : le porteur va chiffrer du matériel");
    expect(await schema.db.ideaNote.count()).toBe(1);
  });

  it("lets a reader read but refuses their decisions and notes, writing nothing", async () => {
    const card = JSON.stringify(await askCard("idée I2024-0003", NATHALIE));
    expect(card).toContain("Idée n° 3");
    const before = { audit: await schema.db.auditLog.count(), notes: await schema.db.ideaNote.count() };
    const decide = await invoke("idea.decide", { reference: "I2024-0003", status: "ELIGIBLE" }, NATHALIE);
    expect(decide.type).toBe(MESSAGE);
    expect(String(decide.value)).toContain("réservé aux agents et aux administrateurs");
    const note = await invoke("idea.note", { reference: "I2024-0003", note: "Je note" }, NATHALIE);
    expect(note.type).toBe(MESSAGE);
    expect(await schema.db.auditLog.count()).toBe(before.audit);
    expect(await schema.db.ideaNote.count()).toBe(before.notes);
    expect((await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2024-0003" } })).status).toBe("TO_ANALYSE");
  });
});
