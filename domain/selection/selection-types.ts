/** One eligible idea as the selection sees it: its votes, place, youth flag and cost. */
export interface SelectionCandidate {
  ideaId: number;
  /** The platform's reference (I2021-0042): the last tie-breaker, the filing order. */
  reference: string;
  title: string;
  cantonId: number | null;
  canton: string | null;
  isYouth: boolean;
  costCents: number;
  votes: number;
}

/**
 * An edition's selection rules (the `Edition` columns, README « Règles de sélection »).
 * Kept apart from the database row so the selection stays a pure function of its inputs.
 */
export interface SelectionRules {
  budgetCents: number;
  /** Youth reserve in basis points of the envelope (1000 = 10 %). */
  youthShareBp: number;
  ideaCapCents: number;
  youthIdeaCapCents: number;
  /** Above its cap, an idea may still win as « exceptional » up to this amount, while slots remain. */
  exceptionalCapCents: number | null;
  exceptionalSlots: number;
  /** Winners guaranteed to each canton (0: no guarantee) … */
  winnersPerCanton: number;
  /** … of which youth ideas, where the canton has an eligible one. */
  youthWinnersPerCanton: number;
}

/** The step at which an idea was retained: canton guarantee, youth reserve, or the walk down the ranking. */
export type SelectionStep = "canton" | "youth" | "ranking";

/** One line of the explanation: every candidate gets exactly one. */
export interface SelectionLine {
  idea: SelectionCandidate;
  /** Position in the ranking (1 = most votes), ties already broken. */
  rank: number;
  won: boolean;
  step: SelectionStep | null;
  /** Retained above its cap, in one of the edition's exceptional slots. */
  exceptional: boolean;
  /** The French sentence saying why the idea is in or out. */
  reason: string;
  /** What is left of the envelope once this line was decided. */
  moneyLeftAfterCents: number;
}

/** A canton's outcome, to check its guarantee at a glance. */
export interface CantonOutcome {
  canton: string;
  candidates: number;
  youthCandidates: number;
  winners: number;
  youthWinners: number;
  /** Winners and youth winners reach the rule, or the canton had no other idea that could win (votes, within a cap). */
  guaranteeMet: boolean;
}

export interface SelectionTotals {
  budgetCents: number;
  reserveCents: number;
  spentCents: number;
  leftCents: number;
  youthSpentCents: number;
  /** What the youth reserve could not use and went back to the general envelope. */
  flowedBackCents: number;
  candidates: number;
  winners: number;
  youthWinners: number;
  exceptionalUsed: number;
  cantons: CantonOutcome[];
}

/** The result: lines in the order they were decided (guarantees, youth reserve, then the ranking). */
export interface Selection {
  lines: SelectionLine[];
  totals: SelectionTotals;
}
