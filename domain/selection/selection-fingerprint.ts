import { createHash } from "node:crypto";
import type { Selection } from "./selection-types.ts";

/**
 * A short digest of who wins, carried by the dry run's « Publier » button: if a tally was
 * accepted or an idea changed between the review and the click, the publication refuses
 * instead of publishing a list nobody reviewed.
 */
export function selectionFingerprint(selection: Selection): string {
  const winners = selection.lines
    .filter((line) => line.won)
    .map((line) => `${line.idea.ideaId}:${line.idea.costCents}`)
    .sort();
  return createHash("sha256").update(winners.join(",")).digest("hex").slice(0, 16);
}
