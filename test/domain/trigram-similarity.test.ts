import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findWordCandidates, MAX_CANDIDATES } from "../../domain/projects/find-word-candidates.ts";
import {
  buildTrigramLexicon,
  findWordCandidatesInMemory,
} from "../../domain/projects/find-word-candidates-in-memory.ts";
import { similarity, trigramsOf, wordSimilarity } from "../../domain/projects/trigram-similarity.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;
let lexicon: string[];

beforeAll(async () => {
  schema = await freshSchema("trigram");
  await seed(schema.db, { now: NOW });
  const seeded = await schema.db.$queryRaw<{ word: string }[]>`SELECT "word" FROM "SearchWord"`;
  const crowd = crowdAround(seeded.map((row) => row.word));
  await schema.db.$executeRaw`INSERT INTO "SearchWord" ("word") SELECT unnest(${crowd}::text[]) ON CONFLICT DO NOTHING`;
  const rows = await schema.db.$queryRaw<{ word: string }[]>`SELECT "word" FROM "SearchWord" ORDER BY "word"`;
  lexicon = rows.map((row) => row.word);
});
afterAll(async () => {
  await schema?.drop();
});

/** A small deterministic generator (LCG), so every run checks the same words. */
function generator(seedValue: number): (below: number) => number {
  let state = seedValue >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** One typo of `word`: a letter deleted, inserted, swapped with the next, or replaced. */
function typo(word: string, next: (below: number) => number): string {
  const at = next(word.length);
  const letter = LETTERS[next(LETTERS.length)] ?? "e";
  switch (next(4)) {
    case 0:
      return word.length > 1 ? word.slice(0, at) + word.slice(at + 1) : `${word}${letter}`;
    case 1:
      return word.slice(0, at) + letter + word.slice(at);
    case 2:
      return at + 1 < word.length
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : `${letter}${word}`;
    default:
      return word.slice(0, at) + letter + word.slice(at + 1);
  }
}

const FIXED = [
  ...["skate", "grenad", "skatpark", "skatepark", "grenade", "adour", "landes", "mont", "marsan"],
  ...["a", "e", "z", "ab", "xy", "abc", "qqq", "1", "40", "2022", "2024", "0000"],
  ...["aaaa", "aaaaaaaa", "ssss", "eeeeeeeeeeeeee", "abababab", "zzzzzz", "qwxzjk", "kkkkvvvv"],
  ...["anticonstitutionnellementtresbien", "grenadesurladourskateparkmunicipal2022", "x".repeat(45)],
];
/** Generic text pg_trgm splits, folds and hashes (accents, case, punctuation). */
const GENERIC = ["Café", "Noël à Dax", "GRENADE-sur-l'Adour", "  skate  park ", "", "--", "é", "日本語"];

/** Typed words: fixed ones, typos of known words, their beginnings, ends and longer forms. */
function typedWords(known: readonly string[], count: number): string[] {
  const next = generator(40);
  const typed = new Set(FIXED);
  while (typed.size < count) {
    const word = known[next(known.length)] ?? "skatepark";
    const other = known[next(known.length)] ?? "grenade";
    const cut = 1 + next(Math.max(1, word.length - 1));
    const forms = [typo(word, next), typo(typo(word, next), next), word.slice(0, cut), word.slice(cut - 1)];
    const extra = [`${word}s`, `${word}${other}`, word.slice(1, -1), word.replace(/[aeiou]/, (v) => v + v)];
    for (const form of [...forms, extra[next(extra.length)] ?? word]) if (form) typed.add(form);
  }
  return [...typed];
}

/**
 * Known words crowding the seed's (numbered forms, typos): the seed alone rarely gives more
 * than a few candidates, these make lists reach MAX_CANDIDATES with ties at the cut.
 */
function crowdAround(seeded: readonly string[]): string[] {
  const next = generator(7);
  const crowd: string[] = [];
  for (const word of seeded.slice(0, 150)) {
    for (let digit = 0; digit < 10; digit++) crowd.push(`${word}${digit}`);
    for (let i = 0; i < 6; i++) crowd.push(typo(word, next));
  }
  return crowd;
}

interface Pair {
  a: string;
  b: string;
}

/** Pairs typed × known: the closest-looking known words and some at random, both ways. */
function pairsFor(typed: readonly string[], known: readonly string[]): Pair[] {
  const next = generator(15);
  const pairs: Pair[] = [];
  for (const a of [...typed, ...GENERIC]) {
    const near = known.filter((b) => b.startsWith(a.slice(0, 2))).slice(0, 4);
    const far = Array.from({ length: 4 }, () => known[next(known.length)] ?? "a");
    for (const b of [...near, ...far]) pairs.push({ a, b }, { a: b, b: a });
  }
  return pairs;
}

async function pgSimilarities(pairs: readonly Pair[]): Promise<{ s: number; w: number }[]> {
  return schema.db.$queryRaw<{ s: number; w: number }[]>`
    SELECT public.similarity(u.a, u.b)::float8 AS s, public.word_similarity(u.a, u.b)::float8 AS w
    FROM unnest(${pairs.map((p) => p.a)}::text[], ${pairs.map((p) => p.b)}::text[]) WITH ORDINALITY AS u(a, b, i)
    ORDER BY u.i`;
}

describe("similarity and wordSimilarity, against pg_trgm", () => {
  it("give PostgreSQL's float4 values, bit for bit, on thousands of pairs", async () => {
    const typed = typedWords(lexicon, 450);
    const pairs = pairsFor(typed, lexicon);
    for (let i = 0; i < 300; i++) pairs.push({ a: lexicon[i * 7] ?? "a", b: lexicon[i * 13] ?? "b" });
    expect(pairs.length).toBeGreaterThan(5000);
    const expected = await pgSimilarities(pairs);
    pairs.forEach(({ a, b }, i) => {
      expect(similarity(a, b), `similarity(${a}, ${b})`).toBe(expected[i]?.s);
      expect(wordSimilarity(a, b), `word_similarity(${a}, ${b})`).toBe(expected[i]?.w);
    });
  });

  it("take precomputed trigrams for the same values", () => {
    const [a, b] = [trigramsOf("skatpark"), trigramsOf("skatepark")];
    expect(similarity(a, b)).toBe(similarity("skatpark", "skatepark"));
    expect(wordSimilarity(trigramsOf("skate"), b)).toBe(wordSimilarity("skate", "skatepark"));
  });
});

describe("findWordCandidatesInMemory", () => {
  it("returns exactly what the SQL findWordCandidates returns", async () => {
    const typed = [...typedWords(lexicon, 400), "qwxzjk", "zzzzzz", "kkkkvvvv"];
    const expected = await findWordCandidates(schema.db, typed);
    const memory = buildTrigramLexicon(lexicon);
    const actual = findWordCandidatesInMemory(memory, typed);
    expect(actual).toEqual(expected);
    // Asked again, one by one and reversed: the same lists, now kept by the lexicon.
    expect(typed.map((word) => findWordCandidatesInMemory(memory, [word])[0]).reverse()).toEqual(
      [...expected].reverse(),
    );
    expect(memory.found.size).toBe(new Set(typed).size);
    // A pasted run of characters is answered, not kept.
    findWordCandidatesInMemory(memory, ["x".repeat(65)]);
    expect(memory.found.size).toBe(new Set(typed).size);
    expect(memory.shared.every((count) => count === 0)).toBe(true);
    expect(expected.filter((list) => list.length === 0).length).toBeGreaterThan(3);
    expect(expected.filter((list) => list.length === MAX_CANDIDATES).length).toBeGreaterThan(50);
  });
});
