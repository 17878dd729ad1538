import type { SelectionCandidate } from "./selection-types.ts";

/**
 * The ranking: most votes first; ties broken by the lower cost (it leaves more money to
 * the ideas behind), then by the earlier reference (the platform numbers ideas in the
 * order they were filed, a fact fixed before the vote). Returns a new array; pure.
 */
export function rankCandidates(candidates: readonly SelectionCandidate[]): SelectionCandidate[] {
  return [...candidates].sort(
    (a, b) =>
      b.votes - a.votes ||
      a.costCents - b.costCents ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
}
