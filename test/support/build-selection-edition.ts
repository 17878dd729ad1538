import type { SelectionCandidate, SelectionRules } from "../../domain/selection/selection-types.ts";
import { CANTONS } from "../../prisma/seed-data/cantons.ts";
import { createRng, seedOf } from "../../prisma/seed-data/prng.ts";

/** The 2021 rules as seeded: 1.5 M€, 10 % youth, caps 50 000 / 30 000 €, 3 exceptional places up to 100 000 €, 2 per canton of which 1 youth. */
export const RULES_2021: SelectionRules = {
  budgetCents: 150_000_000,
  youthShareBp: 1000,
  ideaCapCents: 5_000_000,
  youthIdeaCapCents: 3_000_000,
  exceptionalCapCents: 10_000_000,
  exceptionalSlots: 3,
  winnersPerCanton: 2,
  youthWinnersPerCanton: 1,
};

/** The canton left without any youth idea, to see the guarantee fall back to its best ideas. */
export const CANTON_WITHOUT_YOUTH = "Seignanx";

/**
 * A 2021-like edition: `count` eligible ideas over the 15 cantons, about a third of them
 * youth, costs like the real ones (a few above the caps, a few « exceptional »), votes
 * skewed as in a real count (a few ideas gather most of them), some without any vote.
 * Deterministic: the same ideas on every run.
 */
export function buildSelectionEdition(count = 280, seed = "selection-2021"): SelectionCandidate[] {
  const rng = createRng(seedOf(seed));
  return Array.from({ length: count }, (_, i) => {
    const canton = CANTONS[i % CANTONS.length]!;
    const isYouth = canton.name !== CANTON_WITHOUT_YOUTH && rng.chance(0.33);
    const roll = rng.next();
    const euros = isYouth
      ? roll < 0.05
        ? rng.int(70_000, 100_000)
        : roll < 0.1
          ? rng.int(30_500, 40_000)
          : rng.int(2_000, 30_000)
      : roll < 0.04
        ? rng.int(60_000, 120_000)
        : rng.int(3_000, 50_000);
    const votes = rng.chance(0.03) ? 0 : Math.round(3_200 * rng.next() ** 3) + rng.int(0, 40);
    return {
      ideaId: i + 1,
      reference: `I2021-${String(i + 1).padStart(4, "0")}`,
      title: `Idée ${i + 1}`,
      cantonId: CANTONS.indexOf(canton) + 1,
      canton: canton.name,
      isYouth,
      costCents: euros * 100,
      votes,
    };
  });
}
