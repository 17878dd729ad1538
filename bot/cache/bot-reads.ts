import { createHash } from "node:crypto";
import pg from "pg";
import type { Config } from "../../domain/config/load-config.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import type { Candidate } from "../../domain/projects/find-word-candidates.ts";
import type { QueryVocabulary } from "../../domain/projects/parse-project-query.ts";
import {
  PROJECT_CARD_FACTS_SQL,
  type ProjectCardFacts,
  readProjectCardFacts,
} from "../../domain/projects/project-card-facts.ts";
import type { ProjectHit, SqlRunner } from "../../domain/projects/search-projects.ts";
import type { AgentRole } from "../../prisma/generated/enums.ts";
import { createChangeFeed } from "./change-feed.ts";
import { createProjectIndexKeeper, type SearchMemory } from "./project-index.ts";
import { createReadCache, type ReadCache } from "./read-cache.ts";
import { createSearchOffload, type OffloadedSearch, type SearchOffload } from "./search-offload.ts";

/** The speaker's row, as a turn needs it. */
export interface AgentRow {
  id: number;
  role: AgentRole;
  active: boolean;
}

/**
 * What the bot's turns read from memory instead of PostgreSQL, each cache with the
 * tables it is derived from: a write to one of them (from any instance, the worker, a
 * script or psql) empties it in every bot instance.
 */
export interface BotReads {
  /**
   * Called at the start of each turn: afterwards the caches hold nothing older than the
   * turn, or than `windowMs` before it (see `ChangeFeed.sync`).
   */
  sync(windowMs?: number): Promise<boolean>;
  /**
   * How many change notices (or losses) that could alter what a turn reads here have been
   * heard: equal before and after, nothing read from memory changed meanwhile. A conversation
   * stored anew (the first message of each conversation) does not count.
   */
  changes(): number;
  /** Agent rows by AAD object id (null: nobody). */
  agents: ReadCache<AgentRow | null>;
  /** Conversations known to be stored as they are, by id and stored fields. */
  conversations: ReadCache<true>;
  /** A project's card facts by reference (null: no such project). */
  projectFacts(reference: string): Promise<ProjectCardFacts | null>;
  /** Starts reading a project's card facts if not kept (see `ReadCache.prefetch`). */
  prefetchProjectFacts(reference: string): void;
  /** Search and list pages, by request (see `findProjectPage`). */
  projectPages: ReadCache<unknown>;
  /** The canton and theme names queries are read against (one entry). */
  queryVocabulary: ReadCache<QueryVocabulary>;
  /** The known words a typed word may stand for, by folded typed word. */
  wordCandidates: ReadCache<Candidate[]>;
  /**
   * Every project and known word in memory, current with the changes heard (see
   * `createProjectIndexKeeper`); null while being built or when changes cannot be heard.
   */
  searchMemory(): Promise<SearchMemory | null>;
  /** Resolves once the search memory has been built (benchmarks, tests). */
  searchMemoryBuilt(): Promise<void>;
  /** Projects and words held in memory, for `/healthz`; null while building or deaf to changes. */
  searchMemoryStatus(): { projects: number; words: number } | null;
  /**
   * Counts a message in hand until the returned function is called (`server.ts`): a search
   * goes to the search thread only while another message is in hand (see `searchElsewhere`).
   */
  turnStarted(): () => void;
  /**
   * The search thread's answer (`createSearchOffload`) when the bot has more than one
   * message in hand and the thread is ready; null otherwise: the caller searches here.
   * Asked only once `searchMemory()` is current, so the thread has heard the same notices.
   */
  searchElsewhere(search: OffloadedSearch): Promise<{ total: number; hits: ProjectHit[] } | null>;
  /** The search thread's state for `/healthz`; null when `BOT_SEARCH_THREAD` is off. */
  searchThreadState(): SearchOffload["state"] | null;
  /** Runs a statement as a prepared one (named after its text), planned once per connection. */
  run: SqlRunner;
  close(): Promise<void>;
}

const DEPENDS_ON = {
  agents: ["Agent"],
  conversations: ["ConversationReference"],
  projectFacts: [
    ...["Project", "Edition", "Theme", "Commune", "Canton", "Holder", "Agent"],
    ...["Agreement", "Payment", "Invoice", "InvoiceCheck", "Event"],
  ],
  projectPages: ["Project", "Edition", "Theme", "Commune", "Canton", "Holder", "SearchWord"],
  queryVocabulary: ["Canton", "Theme"],
  wordCandidates: ["SearchWord"],
} as const;

/**
 * Builds the read caches over a change feed of their own, and a small `pg` pool for what
 * they load: the card's facts and the ranked search run as prepared statements (planning
 * them costs more than running them, and the Prisma client adds more than the query).
 */
export function createBotReads(
  config: Pick<Config, "DATABASE_URL" | "DATABASE_SCHEMA" | "BOT_SEARCH_THREAD" | "LOG_LEVEL">,
  logger: Logger,
): BotReads {
  const schema = config.DATABASE_SCHEMA;
  const feed = createChangeFeed({ databaseUrl: config.DATABASE_URL, schema, logger });
  const enabled = () => feed.live;
  const caches = {
    agents: createReadCache<AgentRow | null>({ max: 5000, enabled }),
    conversations: createReadCache<true>({ max: 20_000, enabled }),
    projectFacts: createReadCache<ProjectCardFacts | null>({ max: 5000, enabled }),
    projectPages: createReadCache<unknown>({ max: 2000, enabled }),
    queryVocabulary: createReadCache<QueryVocabulary>({ max: 1, enabled }),
    wordCandidates: createReadCache<Candidate[]>({ max: 20_000, enabled }),
  };
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: 4,
    options: `-c search_path="${schema}"`,
  });
  pool.on("error", (error) => logger.warn({ err: error.message }, "read pool connection lost"));
  const keeper = createProjectIndexKeeper({ connect: () => pool.connect(), live: enabled, logger });
  const offload = config.BOT_SEARCH_THREAD
    ? createSearchOffload({ databaseUrl: config.DATABASE_URL, schema, logLevel: config.LOG_LEVEL }, logger)
    : null;
  let turns = 0;
  let heard = 0;
  feed.subscribe((change) => {
    keeper.hear(change);
    offload?.hear(change);
    let cleared = false;
    for (const [name, cache] of Object.entries(caches)) {
      const tables: readonly string[] = DEPENDS_ON[name as keyof typeof DEPENDS_ON];
      // A conversation stored anew leaves the others as they were: only a change or a removal counts.
      const harmless = name === "conversations" && change?.operation === "INSERT";
      if (change === null || (tables.includes(change.table) && !harmless)) {
        cache.clear();
        cleared = true;
      }
    }
    // The search memory follows a subset of `projectPages`' tables: nothing cleared, nothing read differs.
    if (cleared) heard += 1;
  });
  const prepared = async <T>(text: string, values: unknown[]): Promise<T[]> => {
    const name = `bpc40_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    return (await pool.query({ name, text, values })).rows as T[];
  };
  const run: SqlRunner = (sql) => prepared(sql.text, sql.values);
  const loadFacts = async (reference: string) => {
    const [row] = await prepared<{ facts: Record<string, unknown> }>(PROJECT_CARD_FACTS_SQL, [reference]);
    return row ? readProjectCardFacts(row.facts) : null;
  };
  return {
    sync: (windowMs) => feed.sync(windowMs),
    changes: () => heard,
    agents: caches.agents,
    conversations: caches.conversations,
    projectPages: caches.projectPages,
    queryVocabulary: caches.queryVocabulary,
    wordCandidates: caches.wordCandidates,
    run,
    searchMemory: () => keeper.current(),
    searchMemoryBuilt: () => keeper.built(),
    searchMemoryStatus: () => keeper.status(),
    turnStarted() {
      turns += 1;
      let done = false;
      return () => {
        if (!done) turns -= 1;
        done = true;
      };
    },
    searchElsewhere: (search) => (offload?.ready && turns > 1 ? offload.search(search) : Promise.resolve(null)),
    searchThreadState: () => offload?.state ?? null,
    projectFacts: (reference) => caches.projectFacts.read(reference, () => loadFacts(reference)),
    prefetchProjectFacts: (reference) => caches.projectFacts.prefetch(reference, () => loadFacts(reference)),
    async close() {
      await Promise.allSettled([feed.close(), pool.end(), offload?.close()]);
    },
  };
}
