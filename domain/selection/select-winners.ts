import { cantonOutcomes } from "./canton-outcomes.ts";
import { rankCandidates } from "./rank-candidates.ts";
import { selectionReasons as say } from "./selection-reasons.ts";
import type { Selection, SelectionCandidate, SelectionLine, SelectionRules, SelectionStep } from "./selection-types.ts";

/**
 * Selects an edition's winners and explains every idea, in three steps over one ranking
 * (votes, then lower cost, then earlier reference; `rankCandidates`):
 *
 * 1. **Canton guarantees**, walking the ranking: each canton first gets its best youth
 *    ideas (up to `youthWinnersPerCanton`), then its best ideas of any kind until it has
 *    `winnersPerCanton` winners.
 * 2. **Youth reserve**: youth ideas, by rank, within `budget × youthShareBp` (youth ideas
 *    already retained count); an idea that does not fit what is left of it is skipped.
 * 3. **The ranking**: what the reserve did not use flows back to the general envelope, and
 *    every idea not yet retained is taken by rank if it fits the money left, else skipped,
 *    and the walk goes on (as CONSUL Democracy's ballots do).
 *
 * Until step 3, non-youth ideas may spend only the general part (`budget − reserve`), so
 * the reserve stays for youth ideas. An idea above its cap (`youthIdeaCapCents` for a
 * youth idea, `ideaCapCents` otherwise) can win only in one of the `exceptionalSlots`,
 * up to `exceptionalCapCents`; an idea without any vote never wins. Pure: same inputs,
 * same lines.
 */
export function selectWinners(candidates: readonly SelectionCandidate[], rules: SelectionRules): Selection {
  const ranked = rankCandidates(candidates);
  const rankOf = new Map(ranked.map((c, i) => [c.ideaId, i + 1]));
  // The tie rule, said where it decided: on the idea ranked just after another with as many votes.
  const tieNote = new Map(
    ranked.flatMap((c, i) => {
      const before = ranked[i - 1];
      return before && before.votes === c.votes && c.votes > 0
        ? [[c.ideaId, say.tie(before.reference, before.costCents < c.costCents)] as const]
        : [];
    }),
  );
  const budget = rules.budgetCents;
  const reserve = Math.floor((budget * rules.youthShareBp) / 10_000);
  const spent = { all: 0, youth: 0, other: 0, slots: 0 };
  const cantonWins = new Map<string, { winners: number; youth: number }>();
  const lines: SelectionLine[] = [];
  const decided = new Set<number>();
  const winsOf = (canton: string) => cantonWins.get(canton) ?? { winners: 0, youth: 0 };

  /** "within" the cap, retained as "exceptional", or the sentence saying why it is out. */
  const capStatus = (c: SelectionCandidate): "within" | "exceptional" | string => {
    const cap = c.isYouth ? rules.youthIdeaCapCents : rules.ideaCapCents;
    if (c.costCents <= cap) return "within";
    const exceptionalCap = rules.exceptionalCapCents;
    if (exceptionalCap === null || rules.exceptionalSlots <= 0) return say.overCap(c.costCents, cap, c.isYouth);
    if (c.costCents > exceptionalCap) return say.overExceptionalCap(c.costCents, exceptionalCap);
    if (spent.slots >= rules.exceptionalSlots) return say.slotsTaken(c.costCents, cap, rules.exceptionalSlots);
    return "exceptional";
  };
  const fits = (c: SelectionCandidate, step: SelectionStep): boolean => {
    if (spent.all + c.costCents > budget) return false;
    if (step === "youth") return spent.youth + c.costCents <= reserve;
    if (step === "canton" && !c.isYouth) return spent.other + c.costCents <= budget - reserve;
    return true;
  };
  const open = (c: SelectionCandidate) => !decided.has(c.ideaId) && c.votes > 0;
  const retainable = (c: SelectionCandidate, step: SelectionStep) => {
    const cap = capStatus(c);
    return (cap === "within" || cap === "exceptional") && fits(c, step);
  };
  const decide = (c: SelectionCandidate, won: boolean, step: SelectionStep | null, reason: string) => {
    const exceptional = won && capStatus(c) === "exceptional";
    if (won) {
      spent.all += c.costCents;
      spent[c.isYouth ? "youth" : "other"] += c.costCents;
      if (exceptional) spent.slots += 1;
      if (c.canton) {
        const wins = winsOf(c.canton);
        cantonWins.set(c.canton, { winners: wins.winners + 1, youth: wins.youth + (c.isYouth ? 1 : 0) });
      }
    }
    decided.add(c.ideaId);
    lines.push({
      idea: c,
      rank: rankOf.get(c.ideaId)!,
      won,
      step,
      exceptional,
      reason: `${reason}${exceptional ? say.exceptional(spent.slots, rules.exceptionalSlots) : ""}${tieNote.get(c.ideaId) ?? ""}`,
      moneyLeftAfterCents: budget - spent.all,
    });
  };

  // 1. Canton guarantees: youth places first, then the canton's best ideas of any kind.
  const youthPlaces = Math.min(rules.youthWinnersPerCanton, rules.winnersPerCanton);
  for (const c of ranked) {
    if (!open(c) || !c.canton || !c.isYouth || winsOf(c.canton).youth >= youthPlaces) continue;
    if (retainable(c, "canton")) decide(c, true, "canton", say.cantonYouth(c.canton, winsOf(c.canton).youth + 1));
  }
  for (const c of ranked) {
    if (!open(c) || !c.canton || winsOf(c.canton).winners >= rules.winnersPerCanton) continue;
    if (retainable(c, "canton")) decide(c, true, "canton", say.canton(c.canton, winsOf(c.canton).winners + 1));
  }
  // 2. The youth reserve.
  for (const c of ranked) {
    if (!open(c) || !c.isYouth || !retainable(c, "youth")) continue;
    decide(c, true, "youth", say.youth(reserve - spent.youth));
  }
  const flowedBackCents = Math.max(0, reserve - spent.youth);
  // 3. The whole ranking with the money left: skip what no longer fits, go on.
  for (const c of ranked) {
    if (decided.has(c.ideaId)) continue;
    const cap = capStatus(c);
    if (c.votes <= 0) decide(c, false, null, say.noVotes());
    else if (cap !== "within" && cap !== "exceptional") decide(c, false, null, cap);
    else if (fits(c, "ranking")) decide(c, true, "ranking", say.ranking(budget - spent.all));
    else decide(c, false, null, say.noMoney(c.costCents, budget - spent.all));
  }

  const winners = lines.filter((line) => line.won);
  return {
    lines,
    totals: {
      budgetCents: budget,
      reserveCents: reserve,
      spentCents: spent.all,
      leftCents: budget - spent.all,
      youthSpentCents: spent.youth,
      flowedBackCents,
      candidates: candidates.length,
      winners: winners.length,
      youthWinners: winners.filter((line) => line.idea.isYouth).length,
      exceptionalUsed: spent.slots,
      cantons: cantonOutcomes(candidates, rules, winsOf),
    },
  };
}
