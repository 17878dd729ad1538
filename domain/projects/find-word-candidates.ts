import type { DbTx } from "../../prisma/create-db.ts";

/** A known word close enough to a typed one, with how close (1 = same word). */
export interface Candidate {
  word: string;
  similarity: number;
}

/**
 * Below this, a known word is not taken for the typed one. Similarity is the larger of
 * pg_trgm's `similarity` (typos: « skatpark » ~ skatepark 0.58) and `word_similarity`
 * (beginnings: « skate » ~ skatepark 0.83).
 */
export const MIN_SIMILARITY = 0.5;
/** The closest known words kept per typed word, so a short word cannot match half the corpus. */
export const MAX_CANDIDATES = 12;

/**
 * For each typed word (folded), the known words of `SearchWord` it may stand for, closest
 * first, in one query over the lexicon's trigram index. The index answers pg_trgm's `%`
 * (similarity ≥ `pg_trgm.similarity_threshold`, 0.3 by default), refined here.
 */
export async function findWordCandidates(db: DbTx, words: readonly string[]): Promise<Candidate[][]> {
  if (words.length === 0) return [];
  const rows = await db.$queryRaw<{ ord: number; word: string; similarity: number }[]>`
    SELECT q.ord::int AS ord, s."word",
      greatest(public.similarity(s."word", q.w), public.word_similarity(q.w, s."word"))::float8 AS similarity
    FROM unnest(${[...words]}::text[]) WITH ORDINALITY AS q(w, ord)
    JOIN "SearchWord" s ON s."word" OPERATOR(public.%) q.w
    ORDER BY q.ord, similarity DESC, s."word"`;
  const byWord: Candidate[][] = words.map(() => []);
  for (const row of rows) {
    const list = byWord[row.ord - 1];
    if (list && row.similarity >= MIN_SIMILARITY && list.length < MAX_CANDIDATES) {
      list.push({ word: row.word, similarity: row.similarity });
    }
  }
  return byWord;
}
