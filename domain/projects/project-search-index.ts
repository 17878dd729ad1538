import type { ProjectStatus } from "../../prisma/generated/enums.ts";

/** A project as the search index keeps it: what the ranking reads and what a list row shows. */
export interface IndexedProject {
  id: number;
  reference: string;
  title: string;
  editionId: number;
  number: number;
  themeId: number | null;
  communeId: number | null;
  cantonId: number;
  holderName: string;
  followedById: number | null;
  isYouth: boolean;
  awardedCents: number;
  status: ProjectStatus;
  /** `cardinality("titleWords")`: shorter titles rank first among equal scores. */
  titleLength: number;
}

/** A project to index, with its words (kept as word ids only: the strings are not retained). */
export interface IndexedRow {
  project: IndexedProject;
  /** The project's `searchWords` (title, commune, canton, porteur), as the database trigger wrote them. */
  searchWords: readonly string[];
  /** The words of `titleWords`. */
  titleWords: readonly string[];
}

/** The names projects point to; `folded` is `bpc40_fold(name)`, what the commune and theme filters read. */
export interface IndexNames {
  editionYears: ReadonlyMap<number, number>;
  cantons: ReadonlyMap<number, { name: string; slug: string }>;
  communes: ReadonlyMap<number, { name: string; folded: string }>;
  themes: ReadonlyMap<number, { folded: string }>;
}

/** One project in the index: its row, and its words as ids. */
export interface IndexSlot {
  project: IndexedProject;
  year: number;
  searchWordIds: Int32Array;
  titleWordIds: Int32Array;
}

const EMPTY = new Int32Array(0);

/** Numbers kept per slot for the ranking, in this order. */
const RANK_KEYS = 3;
export const RankKey = { titleLength: 0, year: 1, number: 2 } as const;
export type RankKey = (typeof RankKey)[keyof typeof RankKey];

/**
 * Every project in memory, with a posting list per known word: the slots of the projects
 * holding it, sorted, in a typed array (intersections then read memory in order). Patched
 * row by row. Queried by `searchProjectIndex`; filled and kept current by the bot
 * (`bot/cache/project-index.ts`).
 */
export class ProjectSearchIndex {
  /** Slots by position; a removed project leaves `undefined` until its place is reused. */
  readonly slots: (IndexSlot | undefined)[] = [];
  readonly slotByReference = new Map<string, number>();
  private readonly slotById = new Map<number, number>();
  private readonly free: number[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly postings: Int32Array[] = [];
  /** The same, for the words of titles only. */
  private readonly titlePostings: Int32Array[] = [];
  /** Per slot, `RANK_KEYS` numbers read by the ranking: title length, edition year, number. */
  private rankKeys = new Int32Array(0);
  /** Live slots by edition year (newest first) then number: the order of a list without words. */
  private listOrder: Int32Array | null = null;

  constructor(readonly names: IndexNames) {}

  get size(): number {
    return this.slotById.size;
  }

  /** The id of a known word, or -1. */
  wordId(word: string): number {
    return this.wordIds.get(word) ?? -1;
  }

  /** The slots of the projects holding a word (by id), ascending. */
  postingsOf(wordId: number): Int32Array {
    return this.postings[wordId] ?? EMPTY;
  }

  /** The slots of the projects whose title holds a word (by id), ascending. */
  titlePostingsOf(wordId: number): Int32Array {
    return this.titlePostings[wordId] ?? EMPTY;
  }

  /** A slot's title length, edition year and number, from one flat array (no object to follow). */
  rankKey(slot: number, key: RankKey): number {
    return this.rankKeys[slot * RANK_KEYS + key] as number;
  }

  /** Adds or replaces projects (by id); each touched posting list is rewritten once. */
  upsert(rows: Iterable<IndexedRow>): void {
    const changes = new PostingChanges();
    const titles = new PostingChanges();
    for (const { project, searchWords, titleWords } of rows) {
      const existing = this.slotById.get(project.id);
      if (existing !== undefined) this.removeSlot(existing, changes, titles);
      const slot = this.free.pop() ?? this.slots.length;
      const entry: IndexSlot = {
        project,
        year: this.names.editionYears.get(project.editionId) ?? 0,
        searchWordIds: Int32Array.from(searchWords, (w) => this.internWord(w)),
        titleWordIds: Int32Array.from(new Set(titleWords), (w) => this.internWord(w)),
      };
      this.slots[slot] = entry;
      this.slotById.set(project.id, slot);
      this.slotByReference.set(project.reference, slot);
      for (const id of entry.searchWordIds) changes.add(id, slot);
      for (const id of entry.titleWordIds) titles.add(id, slot);
      this.setRankKeys(slot, [project.titleLength, entry.year, project.number]);
    }
    this.apply(changes, this.postings);
    this.apply(titles, this.titlePostings);
  }

  /** Forgets projects (by id); unknown ids are ignored. */
  remove(ids: Iterable<number>): void {
    const changes = new PostingChanges();
    const titles = new PostingChanges();
    for (const id of ids) {
      const slot = this.slotById.get(id);
      if (slot !== undefined) this.removeSlot(slot, changes, titles);
    }
    this.apply(changes, this.postings);
    this.apply(titles, this.titlePostings);
  }

  /** Live slots, newest edition first, then by number. */
  slotsInListOrder(): Int32Array {
    if (!this.listOrder) {
      const live = [...this.slotById.values()];
      live.sort((a, b) => {
        const x = this.slots[a] as IndexSlot;
        const y = this.slots[b] as IndexSlot;
        return y.year - x.year || x.project.number - y.project.number;
      });
      this.listOrder = Int32Array.from(live);
    }
    return this.listOrder;
  }

  private internWord(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.postings.length;
      this.wordIds.set(word, id);
      this.postings.push(EMPTY);
      this.titlePostings.push(EMPTY);
    }
    return id;
  }

  private setRankKeys(slot: number, keys: [number, number, number]): void {
    if (this.rankKeys.length < (slot + 1) * RANK_KEYS) {
      const grown = new Int32Array(Math.max(1024, (slot + 1) * 2) * RANK_KEYS);
      grown.set(this.rankKeys);
      this.rankKeys = grown;
    }
    this.rankKeys.set(keys, slot * RANK_KEYS);
  }

  private removeSlot(slot: number, changes: PostingChanges, titles: PostingChanges): void {
    const entry = this.slots[slot] as IndexSlot;
    for (const id of entry.searchWordIds) changes.drop(id, slot);
    for (const id of entry.titleWordIds) titles.drop(id, slot);
    this.slotById.delete(entry.project.id);
    if (this.slotByReference.get(entry.project.reference) === slot)
      this.slotByReference.delete(entry.project.reference);
    this.slots[slot] = undefined;
    this.free.push(slot);
  }

  private apply(changes: PostingChanges, postings: Int32Array[]): void {
    for (const [id, { added, dropped }] of changes.byWord) {
      const kept = [...(postings[id] as Int32Array)].filter((slot) => !dropped.has(slot));
      // A slot dropped then reused in the same batch is both: it stays.
      postings[id] = Int32Array.from(new Set([...kept, ...added])).sort();
    }
    this.listOrder = null;
  }
}

/** Slots to add to and drop from each posting list, gathered over one batch. */
class PostingChanges {
  readonly byWord = new Map<number, { added: number[]; dropped: Set<number> }>();

  add(wordId: number, slot: number): void {
    this.of(wordId).added.push(slot);
  }

  drop(wordId: number, slot: number): void {
    this.of(wordId).dropped.add(slot);
  }

  private of(wordId: number) {
    let change = this.byWord.get(wordId);
    if (!change) {
      change = { added: [], dropped: new Set() };
      this.byWord.set(wordId, change);
    }
    return change;
  }
}
