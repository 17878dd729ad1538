import type { ProjectStatus } from "../../prisma/generated/enums.ts";
import { toSlotBitmap } from "./slot-bitmap.ts";
import { mergeSorted, seek, unionOf } from "./sorted-slots.ts";

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
}

const EMPTY = new Int32Array(0);
/** Slots kept in merged lists at most (4 bytes each): 8 Mio. */
const MAX_UNION_SLOTS = 2_000_000;

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
  /** Bitmaps of long posting lists, made on first use. A changed list is a new array: none goes stale. */
  private readonly bitmaps = new WeakMap<Int32Array, Uint32Array>();
  /** Merged posting lists of several words (`postingsOfAny`), by the words; emptied at every change. */
  private readonly unions = new Map<string, Int32Array>();
  private unionSlots = 0;

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

  /**
   * The slots of the projects holding any of `words` (a typed word's candidates), ascending.
   * Kept until the index changes (at most `MAX_UNION_SLOTS` slots in all): the same typed
   * words come back, and merging their lists costs more than the rest of a search.
   */
  postingsOfAny(words: readonly string[]): Int32Array {
    if (words.length === 1) return this.postingsOf(this.wordId(words[0] as string));
    const key = words.join("\u0000");
    let union = this.unions.get(key);
    if (!union) {
      union = unionOf(words.map((word) => this.postingsOf(this.wordId(word))));
      if (this.unionSlots + union.length > MAX_UNION_SLOTS) {
        this.unions.clear();
        this.unionSlots = 0;
      }
      this.unions.set(key, union);
      this.unionSlots += union.length;
    }
    return union;
  }

  /** The slots of the projects whose title holds a word (by id), ascending. */
  titlePostingsOf(wordId: number): Int32Array {
    return this.titlePostings[wordId] ?? EMPTY;
  }

  /**
   * A posting list (from `postingsOf`, `titlePostingsOf`) as a bitmap (see `slot-bitmap.ts`),
   * when it holds at least one slot in 32 (the bitmap is then no larger than the list): a
   * search then tests its matches against it instead of walking it. Null for shorter lists.
   */
  bitmapOf(list: Int32Array): Uint32Array | null {
    if (list.length === 0 || list.length * 32 < this.slots.length) return null;
    let bitmap = this.bitmaps.get(list);
    if (!bitmap) {
      bitmap = toSlotBitmap(list);
      this.bitmaps.set(list, bitmap);
    }
    return bitmap;
  }

  /** A slot's title length, edition year and number, from one flat array (no object to follow). */
  rankKey(slot: number, key: RankKey): number {
    return this.rankKeys[slot * RANK_KEYS + key] as number;
  }

  /** Adds or replaces projects (by id); each touched posting list is rewritten once. */
  upsert(rows: Iterable<IndexedRow>): void {
    const batch = new PostingChanges();
    for (const { project, searchWords, titleWords } of rows) {
      const existing = this.slotById.get(project.id);
      if (existing !== undefined) this.removeSlot(existing, batch);
      const slot = this.free.pop() ?? this.slots.length;
      const year = this.names.editionYears.get(project.editionId) ?? 0;
      this.slots[slot] = { project, year };
      this.slotById.set(project.id, slot);
      this.slotByReference.set(project.reference, slot);
      for (const word of searchWords) batch.add(batch.words, this.internWord(word), slot);
      for (const word of new Set(titleWords)) batch.add(batch.titles, this.internWord(word), slot);
      this.setRankKeys(slot, [project.titleLength, year, project.number]);
    }
    this.apply(batch);
  }

  /** Forgets projects (by id); unknown ids are ignored. */
  remove(ids: Iterable<number>): void {
    const batch = new PostingChanges();
    for (const id of ids) {
      const slot = this.slotById.get(id);
      if (slot !== undefined) this.removeSlot(slot, batch);
    }
    this.apply(batch);
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

  private removeSlot(slot: number, batch: PostingChanges): void {
    const { project } = this.slots[slot] as IndexSlot;
    batch.dropped.add(slot);
    this.slotById.delete(project.id);
    if (this.slotByReference.get(project.reference) === slot) this.slotByReference.delete(project.reference);
    this.slots[slot] = undefined;
    this.free.push(slot);
  }

  /**
   * Drops first (a slot freed and reused in the batch is then added back), then adds. A
   * slot keeps no list of its words (100 000 small arrays weigh on memory and on every
   * major collection): a drop looks for the slot in every posting list, which a patch of
   * a few rows affords.
   */
  private apply(batch: PostingChanges): void {
    if (batch.dropped.size > 0) {
      for (const lists of [this.postings, this.titlePostings]) {
        lists.forEach((list, id) => {
          if (holdsAnyOf(list, batch.dropped)) lists[id] = list.filter((slot) => !batch.dropped.has(slot));
        });
      }
    }
    for (const [added, lists] of [
      [batch.words, this.postings],
      [batch.titles, this.titlePostings],
    ] as const) {
      for (const [id, slots] of added) lists[id] = mergeSorted(lists[id] as Int32Array, Int32Array.from(slots).sort());
    }
    this.listOrder = null;
    this.unions.clear();
    this.unionSlots = 0;
  }
}

/** True when the sorted `list` holds one of `slots`. */
function holdsAnyOf(list: Int32Array, slots: ReadonlySet<number>): boolean {
  if (slots.size > 16) return list.some((slot) => slots.has(slot));
  for (const slot of slots) if (list[seek(list, 0, slot)] === slot) return true;
  return false;
}

/** Slots to add to each posting list, and slots to drop from all, gathered over one batch. */
class PostingChanges {
  readonly words = new Map<number, number[]>();
  readonly titles = new Map<number, number[]>();
  readonly dropped = new Set<number>();

  add(lists: Map<number, number[]>, wordId: number, slot: number): void {
    const slots = lists.get(wordId);
    if (slots) slots.push(slot);
    else lists.set(wordId, [slot]);
  }
}
