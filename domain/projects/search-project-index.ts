import type { Candidate } from "./find-word-candidates.ts";
import { foldWords } from "./fold-words.ts";
import { narrowSlots } from "./narrow-slots.ts";
import type { ProjectFilters } from "./parse-project-query.ts";
import { type IndexSlot, type ProjectSearchIndex, RankKey } from "./project-search-index.ts";
import { scoreIndexedSlots } from "./score-indexed-slots.ts";
import { ScratchSlots } from "./scratch-slots.ts";
import type { ProjectHit } from "./search-projects.ts";
import { exactWordsOf, readSearchText } from "./search-relevance.ts";
import { mergeSorted } from "./sorted-slots.ts";
import { titleTier } from "./title-tier.ts";

export interface IndexSearchOptions {
  limit: number;
  offset: number;
  filters?: ProjectFilters;
  /** A reference to put first (also read from the text: « 2022-17 »). */
  reference?: string;
  /** The known words each typed word may stand for (`findWordCandidatesInMemory`). */
  lookUp: (words: readonly string[]) => (readonly Candidate[])[];
}

/**
 * `searchProjects` answered from the in-memory index: the same matches, scores (to the
 * bit), order and total, without a round trip. Null when the request needs the database
 * (« en retard » reads agreements, payments and events).
 */
export function searchProjectIndex(
  index: ProjectSearchIndex,
  text: string,
  options: IndexSearchOptions,
): { total: number; hits: ProjectHit[] } | null {
  const filters = options.filters ?? {};
  if (filters.late) return null;
  const { reference, typed } = readSearchText(text, options.reference);
  const candidates = options.lookUp(typed).filter((list) => list.length > 0);
  if (typed.length > 0 && candidates.length === 0 && !reference) return { total: 0, hits: [] };
  const accept = acceptFilters(index, filters);
  const { offset, limit } = options;
  if (candidates.length === 0 && !reference) {
    // A list: no score, newest edition first; the order is kept, only the page is built.
    const hits: ProjectHit[] = [];
    let total = 0;
    for (const slot of index.slotsInListOrder()) {
      const entry = index.slots[slot] as IndexSlot;
      if (accept && !accept(entry)) continue;
      if (total >= offset && hits.length < limit) hits.push(toHit(index, entry, 0));
      total += 1;
    }
    return { total, hits };
  }
  const matched = matchingSlots(index, candidates, reference);
  const found = accept ? matched.filter((slot) => accept(index.slots[slot] as IndexSlot)) : matched;
  const exact = exactWordsOf(typed, candidates);
  // A reference's own project scores above everything: then every match is ranked.
  const slots = (reference === undefined && titleTier(index, found, exact, offset + limit)) || found;
  const scores = scoreIndexedSlots(index, slots, candidates, exact, reference);
  const withWords = candidates.length > 0;
  // Past the score: shorter title, newer edition, smaller number, as one exact number
  // (titles under 2²² words, years under 10 000, numbers under 2¹⁷ = 131 072).
  const after = scratch.floats64(0, slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as number;
    const length = withWords ? index.rankKey(slot, RankKey.titleLength) : 0;
    after[i] =
      length * 2 ** 31 + (10_000 - index.rankKey(slot, RankKey.year)) * 2 ** 17 + index.rankKey(slot, RankKey.number);
  }
  const rank = (a: number, b: number) =>
    (scores[b] as number) - (scores[a] as number) || (after[a] as number) - (after[b] as number);
  return {
    total: found.length,
    hits: firstRanked(slots.length, offset + limit, rank)
      .slice(offset)
      .map((i) => toHit(index, index.slots[slots[i] as number] as IndexSlot, scores[i] as number)),
  };
}

/**
 * The positions of the first `count` of `size` items in `rank` order (the order of the
 * ranked SQL: score, shorter title, newer edition, smaller number): a page needs them,
 * not the order of all the others.
 */
function firstRanked(size: number, count: number, rank: (a: number, b: number) => number): number[] {
  if (count * 4 >= size)
    return Array.from({ length: size }, (_, i) => i)
      .sort(rank)
      .slice(0, count);
  const best: number[] = [];
  for (let item = 0; item < size; item++) {
    if (best.length === count && rank(item, best[count - 1] as number) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (rank(best[middle] as number, item) <= 0) low = middle + 1;
      else high = middle;
    }
    // Shifted in place (no splice: it allocates at every insertion); the last falls off when full.
    if (best.length < count) best.push(item);
    for (let k = best.length - 1; k > low; k--) best[k] = best[k - 1] as number;
    best[low] = item;
  }
  return best;
}

/**
 * Slots of the projects holding a candidate of every word, plus the reference's project:
 * each word's candidates as one list (kept by the index: typed words come back), the
 * rarest first, narrowed by each other word's in the search's buffers (valid until the next
 * search).
 */
function matchingSlots(
  index: ProjectSearchIndex,
  candidates: readonly (readonly Candidate[])[],
  reference?: string,
): Int32Array {
  let found: Int32Array = new Int32Array(0);
  if (candidates.length > 0) {
    const words = candidates
      .map((list) => index.postingsOfAny(list.map((c) => c.word)))
      .sort((a, b) => a.length - b.length);
    found = words[0] as Int32Array;
    // Two buffers in turn: a narrowing never writes over what it reads.
    for (let k = 1; k < words.length && found.length > 0; k++)
      found = narrowSlots(index, found, words[k] as Int32Array, scratch.ints32(k % 2, found.length));
  }
  const own = reference === undefined ? undefined : index.slotByReference.get(reference);
  if (own === undefined || found.includes(own)) return found;
  // Kept sorted: the scoring walks it alongside posting lists.
  return mergeSorted(found, Int32Array.of(own));
}

/** The buffers of the search under way (see `ScratchSlots`): one search runs at a time. */
const scratch = new ScratchSlots();

/** The filters of `filterConditions`, read on the slot. */
function acceptFilters(index: ProjectSearchIndex, filters: ProjectFilters): ((entry: IndexSlot) => boolean) | null {
  if (Object.values(filters).every((value) => value === undefined)) return null;
  const { cantons, communes, themes } = index.names;
  const communeIds = filters.communeName === undefined ? null : namesHolding(communes, filters.communeName);
  const themeIds = filters.themeName === undefined ? null : namesHolding(themes, filters.themeName);
  return ({ project, year }) =>
    (filters.editionYear === undefined || year === filters.editionYear) &&
    (filters.cantonSlug === undefined || cantons.get(project.cantonId)?.slug === filters.cantonSlug) &&
    (communeIds === null || (project.communeId !== null && communeIds.has(project.communeId))) &&
    (themeIds === null || (project.themeId !== null && themeIds.has(project.themeId))) &&
    (filters.status === undefined || project.status === filters.status) &&
    (filters.isYouth === undefined || project.isYouth === filters.isYouth) &&
    (filters.followedById === undefined || project.followedById === filters.followedById);
}

/** Ids of the names whose folded form contains every folded word of `name` (SQL: `LIKE ALL`). */
function namesHolding(names: ReadonlyMap<number, { folded: string }>, name: string): Set<number> {
  const words = foldWords(name);
  return new Set([...names].filter(([, n]) => words.every((w) => n.folded.includes(w))).map(([id]) => id));
}

function toHit(index: ProjectSearchIndex, { project, year }: IndexSlot, score: number): ProjectHit {
  return {
    reference: project.reference,
    title: project.title,
    editionYear: year,
    commune: project.communeId === null ? null : (index.names.communes.get(project.communeId)?.name ?? null),
    canton: index.names.cantons.get(project.cantonId)?.name ?? "",
    holderName: project.holderName,
    status: project.status,
    isYouth: project.isYouth,
    awardedCents: project.awardedCents,
    score,
  };
}
