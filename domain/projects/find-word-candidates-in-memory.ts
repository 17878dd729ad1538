import { type Candidate, MAX_CANDIDATES, MIN_SIMILARITY } from "./find-word-candidates.ts";
import { type Trigrams, trigramRatio, trigramsOf, wordSimilarity } from "./trigram-similarity.ts";

/**
 * pg_trgm's default `pg_trgm.similarity_threshold`, the bar of its `%` operator. PostgreSQL
 * stores it as the double of the float `0.3f`, hence the rounding.
 */
export const TRGM_SIMILARITY_THRESHOLD = Math.fround(0.3);

/**
 * The `SearchWord` lexicon held in memory: each word's trigrams, computed once, and for each
 * trigram the words having it, so a typed word only looks at words sharing one of its
 * trigrams (the others have similarity 0 and cannot pass `%`).
 */
export interface TrigramLexicon {
  readonly words: readonly string[];
  readonly trigrams: readonly Trigrams[];
  /** Trigram (packed as in `Trigrams.set`) → indexes into `words` having it. */
  readonly postings: ReadonlyMap<number, readonly number[]>;
  /**
   * The candidates already found, by typed word: the lexicon never changes (a new word
   * list makes a new lexicon), so they hold as long as it lives. Agents type the same
   * words again and again; a typo's candidates cost a walk over thousands of words.
   */
  readonly found: Map<string, readonly Candidate[]>;
  /** Per word, trigrams shared with the typed word being looked up; all zero between lookups. */
  readonly shared: Int32Array;
}

/** Typed words whose candidates a lexicon keeps; past this it forgets them all and starts again. */
const MAX_KEPT = 20_000;
/** Longest typed word kept (no word of the lexicon comes near). */
const MAX_KEPT_LENGTH = 64;

/** Indexes `words` (the rows of `SearchWord`, kept as given) for `findWordCandidatesInMemory`. */
export function buildTrigramLexicon(words: readonly string[]): TrigramLexicon {
  const trigrams = words.map(trigramsOf);
  const postings = new Map<number, number[]>();
  trigrams.forEach(({ set }, index) => {
    for (const code of set) {
      const list = postings.get(code);
      if (list) list.push(index);
      else postings.set(code, [index]);
    }
  });
  return { words: [...words], trigrams, postings, found: new Map(), shared: new Int32Array(words.length) };
}

/**
 * `findWordCandidates` without a round trip to PostgreSQL, giving the very same lists: for each
 * typed word, the known words with `similarity ≥ 0.3` (`%`) whose
 * `greatest(similarity, word_similarity(typed, known))` reaches `MIN_SIMILARITY`, closest first,
 * then by word (byte order, as the C collation), at most `MAX_CANDIDATES`. The SQL version stays
 * as a fallback, so the numbers must match to the bit: ranking adds them up.
 */
export function findWordCandidatesInMemory(
  lexicon: TrigramLexicon,
  words: readonly string[],
): (readonly Candidate[])[] {
  return words.map((typed) => {
    const kept = lexicon.found.get(typed);
    if (kept) return kept;
    const found = candidatesFor(lexicon, trigramsOf(typed), lexicon.shared);
    // A pasted run of characters is no word anyone types twice: not kept.
    if (typed.length <= MAX_KEPT_LENGTH) {
      if (lexicon.found.size >= MAX_KEPT) lexicon.found.clear();
      lexicon.found.set(typed, found);
    }
    return found;
  });
}

function candidatesFor(lexicon: TrigramLexicon, typed: Trigrams, shared: Int32Array): Candidate[] {
  const touched: number[] = [];
  for (const code of typed.set) {
    for (const index of lexicon.postings.get(code) ?? []) {
      if (shared[index] === 0) touched.push(index);
      shared[index] = (shared[index] ?? 0) + 1;
    }
  }
  const found: Candidate[] = [];
  for (const index of touched) {
    const known = lexicon.trigrams[index];
    const word = lexicon.words[index];
    const common = shared[index] ?? 0;
    shared[index] = 0;
    if (!known || word === undefined) continue;
    const sml = trigramRatio(common, typed.set.length, known.set.length);
    if (sml < TRGM_SIMILARITY_THRESHOLD) continue;
    const best = Math.max(sml, wordSimilarity(typed, known));
    if (best >= MIN_SIMILARITY) found.push({ word, similarity: best });
  }
  found.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return found.slice(0, MAX_CANDIDATES);
}
