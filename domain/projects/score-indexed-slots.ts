import type { Candidate } from "./find-word-candidates.ts";
import type { ProjectSearchIndex } from "./project-search-index.ts";
import { ScratchSlots } from "./scratch-slots.ts";
import { IN_TITLE_SCORE, REFERENCE_SCORE, spellingOf, TITLE_SCORE } from "./search-relevance.ts";
import { holdsSlot } from "./slot-bitmap.ts";
import { seek } from "./sorted-slots.ts";

/**
 * The relevance of `scoreSql`, term by term in the same order (the floating-point sums then
 * agree to the bit). What each term tests is read by walking the matched slots (sorted)
 * alongside posting lists, one bit per test: word i's closest spellings held (2i), a
 * candidate of word i in the title (2i + 1), exact word j in the title (16 + j). The scores
 * are valid until the next call (their buffer is reused).
 */
export function scoreIndexedSlots(
  index: ProjectSearchIndex,
  slots: Int32Array,
  candidates: readonly (readonly Candidate[])[],
  exact: readonly string[],
  reference?: string,
): Float64Array {
  const bits = scratch.ints32(0, slots.length, true);
  const ids = (words: readonly string[]) => words.map((word) => index.wordId(word));
  const words = candidates.map((list, i) => {
    const spelling = spellingOf(list);
    // Marking list by list: a bit set twice is set once, no union needed.
    if (!spelling.uniform)
      for (const id of ids(spelling.best)) markHeld(index, slots, index.postingsOf(id), bits, 1 << (2 * i));
    for (const id of ids(spelling.all)) markHeld(index, slots, index.titlePostingsOf(id), bits, 1 << (2 * i + 1));
    return spelling;
  });
  ids(exact).forEach((id, j) => {
    markHeld(index, slots, index.titlePostingsOf(id), bits, 1 << (EXACT_BIT + j));
  });
  const allExact = ((1 << exact.length) - 1) << EXACT_BIT;
  const own = reference === undefined ? undefined : index.slotByReference.get(reference);
  const scores = scratch.floats64(0, slots.length);
  for (let s = 0; s < slots.length; s++) {
    const held = bits[s] as number;
    let score = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as (typeof words)[number];
      const spelling = w.uniform || held & (1 << (2 * i)) ? w.top : w.other;
      score += spelling + (held & (1 << (2 * i + 1)) ? IN_TITLE_SCORE : 0);
    }
    if (exact.length > 0) score += (held & allExact) === allExact ? TITLE_SCORE : 0;
    if (reference !== undefined) score += slots[s] === own ? REFERENCE_SCORE : 0;
    scores[s] = score;
  }
  return scores;
}

const scratch = new ScratchSlots();

/** Exact word j's bit is 16 + j (the typed words' bits are 0 to 15; at most 8 words). */
const EXACT_BIT = 16;

/** Sets `mask` in `bits[i]` for each `slots[i]` also in `held` (both sorted): by its bitmap when it has one. */
function markHeld(
  index: ProjectSearchIndex,
  slots: Int32Array,
  held: Int32Array,
  bits: Int32Array,
  mask: number,
): void {
  const bitmap = index.bitmapOf(held);
  if (bitmap) {
    for (let i = 0; i < slots.length; i++)
      if (holdsSlot(bitmap, slots[i] as number)) bits[i] = (bits[i] as number) | mask;
    return;
  }
  let j = 0;
  for (let i = 0; i < slots.length && j < held.length; i++) {
    const slot = slots[i] as number;
    j = seek(held, j, slot);
    if (held[j] === slot) bits[i] = (bits[i] as number) | mask;
  }
}
