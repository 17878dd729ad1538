import type { CantonOutcome, SelectionCandidate, SelectionRules } from "./selection-types.ts";

/**
 * Each canton's outcome, by name: its candidates, its winners (youth ones among them), and
 * whether its guarantee holds, judged against the ideas that could win at all (some votes,
 * within a cap): a canton whose only youth idea is above every cap keeps its guarantee.
 */
export function cantonOutcomes(
  candidates: readonly SelectionCandidate[],
  rules: SelectionRules,
  winsOf: (canton: string) => { winners: number; youth: number },
): CantonOutcome[] {
  const names = [...new Set(candidates.flatMap((c) => (c.canton ? [c.canton] : [])))];
  return names
    .sort((a, b) => a.localeCompare(b, "fr"))
    .map((canton) => {
      const own = candidates.filter((c) => c.canton === canton);
      const youthCandidates = own.filter((c) => c.isYouth).length;
      // The guarantee holds as far as the canton has ideas that could win at all.
      const possible = own.filter((c) => c.votes > 0 && c.costCents <= maxCost(c, rules));
      const { winners, youth } = winsOf(canton);
      const youthPlaces = Math.min(rules.youthWinnersPerCanton, rules.winnersPerCanton);
      return {
        canton,
        candidates: own.length,
        youthCandidates,
        winners,
        youthWinners: youth,
        guaranteeMet:
          winners >= Math.min(rules.winnersPerCanton, possible.length) &&
          youth >= Math.min(youthPlaces, possible.filter((c) => c.isYouth).length),
      };
    });
}

/** The most an idea may cost and still win: its cap, or the exceptional cap where the edition has places. */
function maxCost(c: SelectionCandidate, rules: SelectionRules): number {
  const cap = c.isYouth ? rules.youthIdeaCapCents : rules.ideaCapCents;
  return rules.exceptionalSlots > 0 && rules.exceptionalCapCents !== null
    ? Math.max(cap, rules.exceptionalCapCents)
    : cap;
}
