import type pg from "pg";
import type { Logger } from "../../domain/log/create-logger.ts";
import { buildTrigramLexicon, type TrigramLexicon } from "../../domain/projects/find-word-candidates-in-memory.ts";
import { ProjectSearchIndex } from "../../domain/projects/project-search-index.ts";
import type { Change } from "./change-feed.ts";
import { readIndexNames, readProjects, readProjectsAfter, readSearchWords } from "./project-index-rows.ts";

/** The in-memory search, current with every change heard: the projects and the lexicon. */
export interface SearchMemory {
  index: ProjectSearchIndex;
  lexicon: TrigramLexicon;
}

export interface ProjectIndexKeeper {
  /**
   * The search memory once every change heard so far is applied (changed projects are
   * reloaded by id first: one indexed query); null while it is (re)built from scratch or
   * changes cannot be heard: the caller then searches PostgreSQL.
   */
  current(): Promise<SearchMemory | null>;
  /** Feeds a change notice (or null: changes may have been missed). */
  hear(change: Change | null): void;
  /** Resolves once a full build has finished (tests, benchmarks). */
  built(): Promise<void>;
  /** What is held, for `/healthz`: null while building or deaf to changes. */
  status(): { projects: number; words: number } | null;
}

export interface ProjectIndexKeeperOptions {
  /** A connection for the reads (released after each). */
  connect: () => Promise<pg.PoolClient>;
  /** True while change notices can be heard. */
  live: () => boolean;
  logger: Logger;
  /** More changed projects than this at once: rebuilt from scratch instead. */
  maxPatch?: number;
  /** Pause before a rebuild, so a burst of changes costs one. */
  rebuildDelayMs?: number;
  /** Projects read per query while building (100 000 rows never sit in memory at once). */
  buildPage?: number;
}

/** Tables whose rows every indexed project shows (names, years): a change rebuilds everything. */
const NAME_TABLES = new Set(["Edition", "Canton", "Commune", "Theme", "Holder"]);

/**
 * Keeps the bot's search index (`ProjectSearchIndex`) and the lexicon of known words in
 * memory, current with PostgreSQL through the change notices: a project's notice names
 * its row, reloaded alone before the next search; a change to names (a porteur renamed, a
 * commune, a year) or a lost connection rebuilds everything in the background, searches
 * going to PostgreSQL meanwhile. Never serves a state older than the changes heard.
 */
export function createProjectIndexKeeper({
  connect,
  live,
  logger,
  maxPatch = 2000,
  rebuildDelayMs = 50,
  buildPage = 5000,
}: ProjectIndexKeeperOptions): ProjectIndexKeeper {
  let memory: SearchMemory | null = null;
  let lexiconWords: string[] = [];
  let lastWordId = 0;
  let stale = true;
  let rebuilding: Promise<void> | null = null;
  let rebuildTimer: NodeJS.Timeout | null = null;
  let builtOnce: () => void = () => {};
  const firstBuild = new Promise<void>((resolve) => {
    builtOnce = resolve;
  });
  let dirty = new Set<number>();
  let wordsDirty: "new" | "all" | null = null;
  let patching: Promise<void> | null = null;

  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };

  const rebuild = async () => {
    stale = false;
    dirty = new Set();
    wordsDirty = null;
    const started = performance.now();
    const built = await withClient(async (client) => {
      // One snapshot for the names, the projects and the words.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const index = new ProjectSearchIndex(await readIndexNames(client));
        for (let last = 0; !stale; ) {
          const page = await readProjectsAfter(client, last, buildPage);
          index.upsert(page);
          if (page.length < buildPage) break;
          last = (page.at(-1) as (typeof page)[number]).project.id;
        }
        return { index, words: await readSearchWords(client) };
      } finally {
        await client.query("COMMIT");
      }
    });
    if (stale) return; // changed while loading: the next build will do
    const { index } = built;
    lexiconWords = built.words.map((w) => w.word);
    lastWordId = built.words.at(-1)?.id ?? 0;
    memory = { index, lexicon: buildTrigramLexicon(lexiconWords) };
    logger.debug(
      { projects: index.size, words: lexiconWords.length, ms: Math.round(performance.now() - started) },
      "search index built",
    );
    builtOnce();
  };

  const scheduleRebuild = () => {
    stale = true;
    memory = null;
    if (rebuildTimer || rebuilding) return;
    rebuildTimer = setTimeout(() => {
      rebuildTimer = null;
      rebuilding = rebuild()
        .catch((error: Error) => {
          stale = true;
          logger.warn({ err: error.message }, "search index not built; searches read PostgreSQL");
        })
        .finally(() => {
          rebuilding = null;
          if (stale && live()) scheduleRebuild();
        });
    }, rebuildDelayMs);
  };

  /** Applies the changes heard so far: changed projects reloaded by id, new words added. */
  const patch = async (target: SearchMemory) => {
    const ids = [...dirty];
    const words = wordsDirty;
    dirty = new Set();
    wordsDirty = null;
    const [projects, added] = await withClient(async (client) => [
      ids.length > 0 ? await readProjects(client, ids) : [],
      words ? await readSearchWords(client, words === "new" ? lastWordId : 0) : [],
    ]);
    if (memory !== target) return;
    const found = new Set(projects.map((row) => row.project.id));
    target.index.remove(ids.filter((id) => !found.has(id)));
    target.index.upsert(projects);
    if (words) {
      lexiconWords = words === "new" ? [...lexiconWords, ...added.map((w) => w.word)] : added.map((w) => w.word);
      lastWordId = added.at(-1)?.id ?? lastWordId;
      target.lexicon = buildTrigramLexicon(lexiconWords);
    }
  };

  return {
    async current() {
      for (let attempt = 0; ; attempt++) {
        const target = memory;
        if (!live() || stale || !target) return null;
        if (dirty.size === 0 && wordsDirty === null) return target;
        // Still changing under our feet after two patches: PostgreSQL answers this one.
        if (attempt === 2) return null;
        patching ??= patch(target).finally(() => {
          patching = null;
        });
        await patching.catch((error: Error) => {
          logger.warn({ err: error.message }, "search index not patched; rebuilt");
          scheduleRebuild();
        });
      }
    },
    hear(change) {
      if (change === null || NAME_TABLES.has(change.table) || change.operation === "TRUNCATE") {
        scheduleRebuild();
        return;
      }
      if (change.table === "Project") {
        if (change.id === undefined) scheduleRebuild();
        else dirty.add(change.id);
        if (dirty.size > maxPatch) scheduleRebuild();
      } else if (change.table === "SearchWord") {
        wordsDirty = change.operation === "INSERT" && wordsDirty !== "all" ? "new" : "all";
      }
    },
    built: () => firstBuild,
    status: () =>
      memory && !stale && live() ? { projects: memory.index.size, words: memory.lexicon.words.length } : null,
  };
}
