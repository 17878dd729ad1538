import type { Candidate } from "./find-word-candidates.ts";
import { meaningfulWords } from "./fold-words.ts";
import { normalizeReference } from "./normalize-reference.ts";

/**
 * The relevance rules of the project search, shared by the ranked SQL (`scoreSql`) and the
 * bot's in-memory index (`searchProjectIndex`): both must rank alike, to the last bit of
 * the score, since the bot answers from either.
 */

/** Score of an exact reference match, above anything words can reach. */
export const REFERENCE_SCORE = 100;
/** Score of a title holding every typed word as typed, above any fuzzy match. */
export const TITLE_SCORE = 10;
/** Part of a word's score for a project holding a candidate other than the closest ones. */
export const OTHER_SPELLING_FACTOR = 0.8;
/** Added per word found in the title. */
export const IN_TITLE_SCORE = 0.5;
/** Words beyond this are ignored (a pasted paragraph is not a search). */
export const MAX_WORDS = 8;

/** What a search text asks: a reference (« 2022-17 » → 2022-017) and the words typed, folded, once each. */
export function readSearchText(text: string, reference?: string): { reference?: string; typed: string[] } {
  const typedReference = text.match(/\b\d{4}-\d{1,4}\b/)?.[0];
  const found = reference ?? (typedReference ? normalizeReference(typedReference) : null) ?? undefined;
  const typed = [...new Set(meaningfulWords(text.replace(/\b\d{4}-\d{1,4}\b/g, " ")))].slice(0, MAX_WORDS);
  return { ...(found ? { reference: found } : {}), typed };
}

/**
 * How one typed word scores: `top` (its best similarity) for a project holding one of the
 * `best` spellings, `top × 0.8` for another candidate; `uniform` when every candidate is a
 * best one (no test needed: every project found holds a candidate).
 */
export function spellingOf(list: readonly Candidate[]) {
  const top = list[0]?.similarity ?? 0;
  const best = list.filter((c) => c.similarity >= top - 0.01).map((c) => c.word);
  const all = list.map((c) => c.word);
  return { top, other: top * OTHER_SPELLING_FACTOR, best, all, uniform: best.length === all.length };
}

/** The typed words that are known words as typed: the title holding all of them scores `TITLE_SCORE`. */
export function exactWordsOf(typed: readonly string[], candidates: readonly (readonly Candidate[])[]): string[] {
  return typed.filter((w) => candidates.some((list) => list[0]?.word === w));
}
