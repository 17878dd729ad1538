import { narrowSlots } from "./narrow-slots.ts";
import type { ProjectSearchIndex } from "./project-search-index.ts";
import { ScratchSlots } from "./scratch-slots.ts";
import { IN_TITLE_SCORE, MAX_WORDS, OTHER_SPELLING_FACTOR, TITLE_SCORE } from "./search-relevance.ts";

/**
 * How far apart two matches' word terms can be at most: per word, the closest spelling
 * against another (1 against 0.8 of a similarity of at most 1) and the title bonus.
 * Below `TITLE_SCORE`, a title holding every exact word outranks any title that does not.
 */
const WORD_TERMS_SPREAD = MAX_WORDS * (1 - OTHER_SPELLING_FACTOR + IN_TITLE_SCORE);

/**
 * The matches whose title holds every exact word (`exactWordsOf`), when there are at least
 * `needed` of them: they alone fill the first `needed` places of the ranking, so only they
 * need a score (a search of two common words matches a thousand projects; its first page
 * is found among a hundred). Null when they are fewer, when there is no exact word, or when
 * the relevance rules would no longer guarantee it. The tier is valid until the next call
 * (its buffers are reused).
 */
export function titleTier(
  index: ProjectSearchIndex,
  slots: Int32Array,
  exact: readonly string[],
  needed: number,
): Int32Array | null {
  if (exact.length === 0 || WORD_TERMS_SPREAD >= TITLE_SCORE) return null;
  let tier = slots;
  for (let k = 0; k < exact.length; k++) {
    const list = index.titlePostingsOf(index.wordId(exact[k] as string));
    // Two buffers in turn: a narrowing never writes over what it reads.
    tier = narrowSlots(index, tier, list, scratch.ints32(k % 2, tier.length));
    if (tier.length < needed) return null;
  }
  return tier;
}

const scratch = new ScratchSlots();
