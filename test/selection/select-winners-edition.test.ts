import { describe, expect, it } from "vitest";
import { selectWinners } from "../../domain/selection/select-winners.ts";
import { buildSelectionEdition, CANTON_WITHOUT_YOUTH, RULES_2021 } from "../support/build-selection-edition.ts";

describe("selectWinners on a full 2021-like edition (280 eligible ideas, 15 cantons)", () => {
  const candidates = buildSelectionEdition();
  const selection = selectWinners(candidates, RULES_2021);
  const { totals } = selection;
  const capOf = (youth: boolean) => (youth ? RULES_2021.youthIdeaCapCents : RULES_2021.ideaCapCents);

  it("explains every idea exactly once, « Retenu » for the winners and « Écarté » for the others", () => {
    expect(selection.lines).toHaveLength(280);
    expect(new Set(selection.lines.map((l) => l.idea.ideaId)).size).toBe(280);
    expect(new Set(selection.lines.map((l) => l.rank))).toEqual(new Set(Array.from({ length: 280 }, (_, i) => i + 1)));
    for (const line of selection.lines) expect(line.reason).toMatch(line.won ? /^Retenu : / : /^Écarté : /);
  });

  it("stays within the envelope, and no idea left out would still fit in what is left", () => {
    const winners = selection.lines.filter((l) => l.won);
    expect(totals.spentCents).toBe(winners.reduce((sum, l) => sum + l.idea.costCents, 0));
    expect(totals.spentCents).toBeLessThanOrEqual(RULES_2021.budgetCents);
    expect(totals.winners).toBe(winners.length);
    expect(totals.winners).toBeGreaterThan(40);
    for (const line of selection.lines.filter((l) => !l.won && l.idea.votes > 0)) {
      if (line.idea.costCents <= capOf(line.idea.isYouth))
        expect(line.idea.costCents).toBeGreaterThan(totals.leftCents);
    }
    // Running balance: each line's money left never goes up.
    const left = selection.lines.map((l) => l.moneyLeftAfterCents);
    expect(left).toEqual([...left].sort((a, b) => b - a));
  });

  it("gives youth ideas at least the 10 % reserve", () => {
    expect(totals.youthSpentCents).toBeGreaterThanOrEqual(totals.reserveCents);
    expect(totals.reserveCents).toBe(15_000_000);
  });

  it("gives each canton two winners, one of them youth where the canton has an eligible youth idea", () => {
    expect(totals.cantons).toHaveLength(15);
    for (const canton of totals.cantons) {
      expect(canton.winners, canton.canton).toBeGreaterThanOrEqual(2);
      if (canton.canton === CANTON_WITHOUT_YOUTH) expect(canton.youthCandidates).toBe(0);
      else expect(canton.youthWinners, canton.canton).toBeGreaterThanOrEqual(1);
      expect(canton.guaranteeMet).toBe(true);
    }
  });

  it("respects the caps and the three exceptional places", () => {
    const exceptional = selection.lines.filter((l) => l.exceptional);
    expect(exceptional.length).toBe(totals.exceptionalUsed);
    expect(exceptional.length).toBeLessThanOrEqual(3);
    for (const line of selection.lines.filter((l) => l.won)) {
      const limit = line.exceptional ? RULES_2021.exceptionalCapCents! : capOf(line.idea.isYouth);
      expect(line.idea.costCents).toBeLessThanOrEqual(limit);
      expect(line.idea.votes).toBeGreaterThan(0);
    }
  });

  it("is a pure function: the same ideas in another order give the same lines", () => {
    expect(selectWinners([...candidates].reverse(), RULES_2021)).toEqual(selection);
  });
});
