import { foldWords, STOP_WORDS } from "./fold-words.ts";
import type { QueryVocabulary } from "./parse-project-query.ts";

/** A name reduced to the folded words that spell it, stop words left out. */
interface FoldedName {
  name: string;
  words: string[];
}

/** The vocabulary with every name folded (folding is the costly part): once per vocabulary object. */
export interface FoldedVocabulary {
  cantons: (FoldedName & { slug: string })[];
  /** Theme names of two words or more (see `matchTheme`). */
  themes: FoldedName[];
}

const significant = (name: string) => foldWords(name).filter((w) => !STOP_WORDS.has(w));

/** Vocabularies already folded: the bot reads one object from its cache until a canton or theme changes. */
const folded = new WeakMap<QueryVocabulary, FoldedVocabulary>();

export function foldVocabulary(vocabulary: QueryVocabulary): FoldedVocabulary {
  let result = folded.get(vocabulary);
  if (!result) {
    result = {
      cantons: vocabulary.cantons.map((c) => ({ ...c, words: significant(c.name) })),
      themes: vocabulary.themes.map((name) => ({ name, words: significant(name) })).filter((t) => t.words.length >= 2),
    };
    folded.set(vocabulary, result);
  }
  return result;
}

/**
 * The number of query words from `start` that spell `wanted` (the name's stop words
 * optional: « mont de marsan 1 » and « mont marsan 1 » both spell Mont-de-Marsan-1), or 0.
 */
function spells(words: readonly string[], start: number, wanted: readonly string[]): number {
  let i = start;
  // An index loop: read for every name at every word of every query, it allocates nothing.
  for (let index = 0; index < wanted.length; index++) {
    const expected = wanted[index];
    while (index > 0 && words[i] !== expected && STOP_WORDS.has(words[i] ?? "")) i++;
    if (words[i] !== expected) return 0;
    i++;
  }
  return wanted.length > 0 ? i - start : 0;
}

/** The longest name the words spell from `start`, with how many words it takes. */
function longest<T extends FoldedName>(words: readonly string[], start: number, names: readonly T[]) {
  let best: (T & { length: number }) | undefined;
  for (const name of names) {
    const length = spells(words, start, name.words);
    if (length > (best?.length ?? 0)) best = { ...name, length };
  }
  return best;
}

/** The canton whose whole name the words spell from `start` (« dax 2 », « cote d argent »). */
export function matchCanton(words: readonly string[], start: number, vocabulary: FoldedVocabulary) {
  return longest(words, start, vocabulary.cantons);
}

/**
 * The theme whose whole name the words spell from `start` (« sports et loisirs »). Only
 * names of two words or more: a lone word (« jeunesse », « mobilités ») is too common
 * to be read as a theme unless the agent says « thème … ».
 */
export function matchTheme(words: readonly string[], start: number, vocabulary: FoldedVocabulary) {
  return longest(words, start, vocabulary.themes);
}
