import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { parseRuleChanges } from "../../domain/selection/parse-rule-changes.ts";
import { loadEditionRules } from "../../domain/selection/set-edition-rules.ts";
import { seed } from "../../prisma/seed.ts";
import { botTurns } from "../support/bot-turns.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
// Seeded agents (prisma/seed-data/agents.ts): Claire is an admin, Julien an agent.
const CLAIRE = { id: "29:person-1", name: "Claire Dufau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e01" };
const JULIEN = { id: "29:person-2", name: "Julien Lartigau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e02" };
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
let turns: ReturnType<typeof botTurns>;

beforeAll(async () => {
  schema = await freshSchema("edition_rules");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
  turns = botTurns(bot, connector, CLAIRE);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

const text = async (message: string, from = CLAIRE) => String((await turns.reply(message, from)).text);
const rules = (year: number) => loadEditionRules(schema.db, year);

describe("reading rule changes", () => {
  it("reads every rule as agents type it, French amounts included", () => {
    expect(
      parseRuleChanges(
        "Enveloppe 1 600 000 € ; réserve 12,5 % ; plafond 45 000 ; plafond jeunes 25 000,50 ; exceptionnels 2 jusqu'à 90 000 ; par canton 2 dont 1 jeune",
      ),
    ).toEqual({
      ok: true,
      changes: {
        budgetCents: 160_000_000,
        youthShareBp: 1250,
        ideaCapCents: 4_500_000,
        youthIdeaCapCents: 2_500_050,
        exceptionalSlots: 2,
        exceptionalCapCents: 9_000_000,
        winnersPerCanton: 2,
        youthWinnersPerCanton: 1,
      },
    });
    expect(parseRuleChanges("exceptionnels 0 ; par canton 0")).toEqual({
      ok: true,
      changes: { exceptionalSlots: 0, exceptionalCapCents: null, winnersPerCanton: 0, youthWinnersPerCanton: 0 },
    });
  });

  it("lists every unreadable part, and changes nothing", () => {
    const result = parseRuleChanges("enveloppe -5 ; réserve 150 % ; par canton 1 dont 2 jeunes ; budget 3");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.stringContaining("négatif"),
      "« réserve 150 % » : une réserve ne peut dépasser 100 %",
      "« par canton 1 dont 2 jeunes » : plus de projets jeunes garantis que de lauréats garantis",
      expect.stringContaining("règle inconnue"),
    ]);
    expect(parseRuleChanges("  ;  ")).toEqual({ ok: false, problems: ["aucune règle indiquée"] });
  });
});

describe("sélection règles", () => {
  it("shows an edition's rules to anyone registered", async () => {
    const answer = await text("sélection règles 2021", JULIEN);
    expect(answer).toContain("Règles de sélection de l'édition 2021");
    expect(answer).toContain("- enveloppe : 1\u202f500\u202f000,00\u00a0€");
    expect(answer).toContain("- par canton : 2 lauréats, dont 1 projet jeune là où il y en a un");
    expect(answer).toContain("- projets exceptionnels : 3 places, jusqu'à 100\u202f000,00\u00a0€");
  });

  it("lets an admin set them, all or none, with an audit line", async () => {
    const answer = await text("sélection règles 2024 réserve 12 % ; par canton 1 ; exceptionnels 1 jusqu'à 80 000");
    expect(answer).toContain("Règles de l'édition 2024 enregistrées");
    expect(answer).toContain("- réserve jeunesse : 12 %");
    expect(await rules(2024)).toMatchObject({
      youthShareBp: 1200,
      winnersPerCanton: 1,
      youthWinnersPerCanton: 0,
      exceptionalSlots: 1,
      exceptionalCapCents: 8_000_000,
    });
    const audit = await schema.db.auditLog.findFirstOrThrow({ where: { action: "edition.rules" } });
    expect(audit).toMatchObject({ actorLabel: "Claire Dufau", entity: "Edition" });
    expect(audit.before).toMatchObject({ youthShareBp: 1000, winnersPerCanton: 2 });

    const before = await rules(2024);
    expect(await text("sélection règles 2024 réserve 15 % ; plafond trente mille")).toContain("Règles non modifiées");
    expect(await text("sélection règles 2024 plafond 2 000 000")).toContain("un plafond dépasse l'enveloppe");
    expect(await text("sélection règles 2024 exceptionnels 2 jusqu'à 40 000")).toContain("projets exceptionnels");
    expect(await rules(2024)).toEqual(before);
    expect(await schema.db.auditLog.count({ where: { action: "edition.rules" } })).toBe(1);
  });

  it("refuses agents, unknown editions and published editions", async () => {
    const before = await rules(2022);
    expect(await text("sélection règles 2022 réserve 20 %", JULIEN)).toContain("réservé aux administrateurs");
    expect(await text("sélection règles 1999")).toContain("Je ne connais pas l'édition « 1999 »");
    expect(await text("sélection règles")).toContain("Indiquez l'édition");
    await schema.db.edition.update({ where: { year: 2022 }, data: { publishedAt: NOW } });
    expect(await text("sélection règles 2022 réserve 20 %")).toBe(
      "Les résultats de l'édition 2022 sont publiés : ses règles de sélection ne changent plus.",
    );
    expect(await rules(2022)).toEqual(before);
  });
});
