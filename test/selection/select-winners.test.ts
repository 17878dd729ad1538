import { describe, expect, it } from "vitest";
import { selectWinners } from "../../domain/selection/select-winners.ts";
import type { SelectionCandidate, SelectionRules } from "../../domain/selection/selection-types.ts";

/** 100 000 € with a 10 % youth reserve, the usual caps, no exceptional places, no canton guarantee. */
const RULES: SelectionRules = {
  budgetCents: 10_000_000,
  youthShareBp: 1000,
  ideaCapCents: 5_000_000,
  youthIdeaCapCents: 3_000_000,
  exceptionalCapCents: null,
  exceptionalSlots: 0,
  winnersPerCanton: 0,
  youthWinnersPerCanton: 0,
};

let nextId = 1;
function idea(
  reference: string,
  votes: number,
  euros: number,
  options: { youth?: boolean; canton?: string } = {},
): SelectionCandidate {
  return {
    ideaId: nextId++,
    reference,
    title: `Idée ${reference}`,
    cantonId: null,
    canton: options.canton ?? null,
    isYouth: options.youth ?? false,
    costCents: euros * 100,
    votes,
  };
}

/** « 12 500,00 € » as Intl writes it (U+202F between digit groups, U+00A0 before €). */
const eur = (text: string) => text.replace(/(\d) (?=\d{3},)/g, "$1\u202f").replace(/ €/g, "\u00a0€");
const byRef = (selection: ReturnType<typeof selectWinners>) =>
  Object.fromEntries(selection.lines.map((line) => [line.idea.reference, line]));

describe("selectWinners on constructed cases", () => {
  it("spends the envelope exactly, youth reserve first, and says so line by line", () => {
    const selection = selectWinners(
      [
        idea("A", 100, 40_000),
        idea("B", 90, 30_000),
        idea("C", 80, 20_000),
        idea("D", 70, 5_000),
        idea("Y", 50, 10_000, { youth: true }),
      ],
      RULES,
    );
    expect(selection.lines.map((l) => [l.idea.reference, l.won, l.moneyLeftAfterCents])).toEqual([
      ["Y", true, 9_000_000],
      ["A", true, 5_000_000],
      ["B", true, 2_000_000],
      ["C", true, 0],
      ["D", false, 0],
    ]);
    const lines = byRef(selection);
    expect(lines.Y?.reason).toBe(eur("Retenu : réserve jeunesse (il y restait 10 000,00 €)"));
    expect(lines.A?.reason).toBe(eur("Retenu : dans l'enveloppe (il restait 90 000,00 €)"));
    expect(lines.D?.reason).toBe(eur("Écarté : 5 000,00 € demandés, il reste 0,00 €"));
    expect(lines.Y?.rank).toBe(5);
    expect(selection.totals).toMatchObject({
      spentCents: 10_000_000,
      leftCents: 0,
      youthSpentCents: 1_000_000,
      flowedBackCents: 0,
      winners: 4,
      youthWinners: 1,
    });
  });

  it("skips an idea that no longer fits the money left and goes on down the ranking", () => {
    const lines = byRef(
      selectWinners([idea("A", 100, 50_000), idea("B", 90, 40_000), idea("C", 80, 48_000), idea("D", 70, 10_000)], {
        ...RULES,
        youthShareBp: 0,
      }),
    );
    expect(lines.C).toMatchObject({ won: false, reason: eur("Écarté : 48 000,00 € demandés, il reste 10 000,00 €") });
    expect(lines.D).toMatchObject({ won: true, moneyLeftAfterCents: 0 });
  });

  it("lets what the youth reserve does not use flow back to the general envelope", () => {
    const candidates = [
      idea("A", 100, 50_000),
      idea("B", 90, 46_000),
      idea("C", 80, 5_000),
      idea("Y", 10, 4_000, { youth: true }),
    ];
    const selection = selectWinners(candidates, RULES);
    const lines = byRef(selection);
    // The reserve (10 000 €) only finds 4 000 € of youth ideas: 6 000 € go back, and B
    // (which would not fit in the 90 000 € general part next to A) gets them.
    expect(selection.totals).toMatchObject({
      reserveCents: 1_000_000,
      youthSpentCents: 400_000,
      flowedBackCents: 600_000,
    });
    expect(lines.B).toMatchObject({ won: true, step: "ranking", moneyLeftAfterCents: 0 });
    expect(lines.C?.won).toBe(false);
    expect(selection.totals.spentCents).toBe(10_000_000);
  });

  it("keeps the youth reserve for youth ideas until it is used", () => {
    const lines = byRef(
      selectWinners([idea("A", 100, 50_000), idea("B", 90, 45_000), idea("Y", 5, 10_000, { youth: true })], RULES),
    );
    // A and B (95 000 €) would leave 5 000 €; the 10 000 € reserve goes to Y first.
    expect(lines.Y).toMatchObject({ won: true, step: "youth" });
    expect(lines.B).toMatchObject({ won: false, reason: eur("Écarté : 45 000,00 € demandés, il reste 40 000,00 €") });
  });

  it("breaks ties by the lower cost, then by the earlier reference", () => {
    const selection = selectWinners(
      [
        idea("I2021-0009", 100, 30_000),
        idea("I2021-0002", 100, 30_000),
        idea("I2021-0001", 100, 35_000),
        idea("I2021-0005", 100, 20_000),
      ],
      { ...RULES, budgetCents: 5_000_000, youthShareBp: 0 },
    );
    expect([...selection.lines].sort((a, b) => a.rank - b.rank).map((l) => [l.rank, l.idea.reference, l.won])).toEqual([
      [1, "I2021-0005", true],
      [2, "I2021-0002", true],
      [3, "I2021-0009", false],
      [4, "I2021-0001", false],
    ]);
    const lines = byRef(selection);
    expect(lines["I2021-0009"]?.reason).toBe(
      eur(
        "Écarté : 30 000,00 € demandés, il reste 0,00 € ; à égalité de voix avec I2021-0002, classé après (déposé après)",
      ),
    );
    expect(lines["I2021-0002"]?.reason).toMatch(/à égalité de voix avec I2021-0005, classé après \(coût plus élevé\)$/);
    expect(lines["I2021-0005"]?.reason).not.toContain("égalité");
  });

  it("leaves out ideas above their cap and ideas without a vote", () => {
    const lines = byRef(
      selectWinners(
        [idea("Y", 100, 35_000, { youth: true }), idea("A", 90, 55_000), idea("Z", 0, 1_000), idea("B", 10, 1_000)],
        RULES,
      ),
    );
    expect(lines.Y?.reason).toBe(
      eur("Écarté : 35 000,00 € demandés, au-delà du plafond de 30 000,00 € des projets jeunes"),
    );
    expect(lines.A?.reason).toBe(eur("Écarté : 55 000,00 € demandés, au-delà du plafond de 50 000,00 € par idée"));
    expect(lines.Z?.reason).toBe("Écarté : aucune voix");
    expect(lines.B?.won).toBe(true);
  });

  it("gives exceptional places to ideas above the cap, up to the exceptional cap, while places remain", () => {
    const selection = selectWinners(
      [
        idea("X1", 100, 80_000, { youth: true }),
        idea("X2", 90, 90_000),
        idea("X3", 80, 70_000),
        idea("X4", 70, 120_000),
        idea("A", 60, 20_000),
      ],
      { ...RULES, budgetCents: 50_000_000, exceptionalCapCents: 10_000_000, exceptionalSlots: 2 },
    );
    const lines = byRef(selection);
    expect(lines.X1).toMatchObject({ won: true, exceptional: true });
    expect(lines.X1?.reason).toMatch(/ ; projet exceptionnel \(1re des 2 places\)$/);
    expect(lines.X2?.reason).toMatch(/ ; projet exceptionnel \(2e des 2 places\)$/);
    expect(lines.X3?.reason).toBe(
      eur(
        "Écarté : 70 000,00 € demandés, au-delà du plafond de 50 000,00 €, et les 2 places de projet exceptionnel sont prises",
      ),
    );
    expect(lines.X4?.reason).toBe(
      eur("Écarté : 120 000,00 € demandés, au-delà du plafond de 100 000,00 € des projets exceptionnels"),
    );
    expect(selection.totals.exceptionalUsed).toBe(2);
  });

  it("guarantees each canton its winners, a youth one where the canton has an eligible youth idea", () => {
    const rules = { ...RULES, budgetCents: 15_000_000, winnersPerCanton: 2, youthWinnersPerCanton: 1 };
    const selection = selectWinners(
      [
        idea("D1", 1000, 40_000, { canton: "Dax-1" }),
        idea("D2", 900, 45_000, { canton: "Dax-1" }),
        idea("D3", 100, 10_000, { canton: "Dax-1", youth: true }),
        idea("S1", 50, 30_000, { canton: "Seignanx" }),
        idea("S2", 40, 20_000, { canton: "Seignanx" }),
        idea("S3", 45, 40_000, { canton: "Seignanx", youth: true }),
        idea("A1", 30, 10_000, { canton: "Adour Armagnac", youth: true }),
      ],
      rules,
    );
    const lines = byRef(selection);
    expect(lines.D3).toMatchObject({
      won: true,
      step: "canton",
      reason: "Retenu : garantie cantonale, 1er projet jeune du canton de Dax-1",
    });
    expect(lines.A1?.reason).toBe("Retenu : garantie cantonale, 1er projet jeune du canton d'Adour Armagnac");
    expect(lines.D1?.reason).toBe("Retenu : garantie cantonale, 2e lauréat du canton de Dax-1");
    // Seignanx's only youth idea is above the youth cap: its two best ideas get the places.
    expect(lines.S1?.reason).toBe("Retenu : garantie cantonale, 1er lauréat du canton de Seignanx");
    expect(lines.S2?.reason).toBe("Retenu : garantie cantonale, 2e lauréat du canton de Seignanx");
    // D2 has the second most votes but Dax-1 already has its two places: it waits for the ranking.
    expect(lines.D2).toMatchObject({ won: false, reason: eur("Écarté : 45 000,00 € demandés, il reste 40 000,00 €") });
    expect(selection.totals.cantons).toEqual([
      { canton: "Adour Armagnac", candidates: 1, youthCandidates: 1, winners: 1, youthWinners: 1, guaranteeMet: true },
      { canton: "Dax-1", candidates: 3, youthCandidates: 1, winners: 2, youthWinners: 1, guaranteeMet: true },
      { canton: "Seignanx", candidates: 3, youthCandidates: 1, winners: 2, youthWinners: 0, guaranteeMet: true },
    ]);
    // Without the guarantee, the ranking alone would have taken D2 before the Seignanx ideas.
    const plain = byRef(selectWinners([...selection.lines.map((l) => l.idea)], { ...rules, winnersPerCanton: 0 }));
    expect(plain.D2?.won).toBe(true);
  });

  it("reports a canton whose guarantee the money could not fund", () => {
    const selection = selectWinners(
      [idea("G1", 100, 40_000, { canton: "Dax-1" }), idea("G2", 50, 20_000, { canton: "Seignanx" })],
      { ...RULES, budgetCents: 5_000_000, youthShareBp: 0, winnersPerCanton: 1 },
    );
    expect(byRef(selection).G2).toMatchObject({
      won: false,
      reason: eur("Écarté : 20 000,00 € demandés, il reste 10 000,00 €"),
    });
    expect(selection.totals.cantons.map((c) => [c.canton, c.guaranteeMet])).toEqual([
      ["Dax-1", true],
      ["Seignanx", false],
    ]);
  });
});
