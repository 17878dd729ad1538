import type { ProjectHit } from "./search-projects.ts";

/** How far the first result's score must lead the second's for the bot to open it directly. */
export const CLEAR_MARGIN = 1;

/**
 * Whether a search designates one project: a single result, or a first result whose score
 * leads the second by `CLEAR_MARGIN` at least. A reference or a title holding every typed
 * word scores 100 or 10 more (see `scoreSql`), so such a unique match is always clear;
 * otherwise it takes, say, a word found in the title where the others only match by
 * commune or porteur twice over. `hits` are the first page, best first.
 */
export function isClearHit(hits: readonly ProjectHit[], total: number): boolean {
  const [first, second] = hits;
  if (!first) return false;
  if (total === 1 || !second) return total === 1;
  return first.score - second.score >= CLEAR_MARGIN;
}
