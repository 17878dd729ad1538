import { findWordCandidates } from "../../domain/projects/find-word-candidates.ts";
import { findWordCandidatesInMemory } from "../../domain/projects/find-word-candidates-in-memory.ts";
import { foldWords, meaningfulWords } from "../../domain/projects/fold-words.ts";
import { loadQueryVocabulary } from "../../domain/projects/load-query-vocabulary.ts";
import { type ParsedProjectQuery, parseProjectQuery } from "../../domain/projects/parse-project-query.ts";
import { searchProjectIndex } from "../../domain/projects/search-project-index.ts";
import { type ProjectHit, type SearchOptions, searchProjects } from "../../domain/projects/search-projects.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { SearchMemory } from "../cache/project-index.ts";
import type { TurnUser } from "../teams/resolve-user.ts";
import type { BotDeps } from "./command.ts";
import { isEmptyQuery } from "./describe-project-query.ts";

/** Rows per card page: a Teams card stays readable without scrolling too far. */
export const PAGE_SIZE = 10;
/** Longest request accepted from a card's data (a message is capped at the same length). */
export const MAX_QUERY_LENGTH = 2000;
/** Highest page number accepted from a card's data. */
export const MAX_PAGE = 10_000;

/** One page of a request's results; `query` is the request as list cards carry it (« projets 2021 jeunes », « mes projets », free text). */
export interface ProjectPage {
  query: string;
  /** True for `mes projets`: only the projects the speaker follows. */
  mine: boolean;
  parsed: ParsedProjectQuery;
  page: number;
  total: number;
  hits: ProjectHit[];
}

const LIST_WORDS = new Set(["projets", "projet", "liste"]);

/**
 * Splits a request into who it is for and what it asks: « mes projets 2022 » → mine, « 2022 »;
 * « projets jeunes » → « jeunes »; anything else is searched as typed.
 */
export function readProjectRequest(query: string): { mine: boolean; text: string } {
  const words = query.trim().split(/\s+/);
  const mine = normalizeKey(words[0] ?? "") === "mes";
  if (mine) words.shift();
  if (LIST_WORDS.has(normalizeKey(words[0] ?? ""))) words.shift();
  return { mine, text: words.join(" ") };
}

/**
 * Runs a request for one page: reads it against the canton and theme names, searches, and
 * moves back to the last page when the list got shorter since the card was sent. Null
 * for `mes projets` when the speaker is not an agent of ours. With `listAll: false`, a
 * request that says nothing (« bonjour ») finds nothing instead of every project.
 * The page comes from the read cache when the same request was answered since the
 * projects last changed; « en retard » depends on the clock and is always searched.
 */
export async function findProjectPage(
  deps: BotDeps,
  user: TurnUser,
  query: string,
  page: number,
  { listAll = true } = {},
): Promise<ProjectPage | null> {
  const load = () => loadProjectPage(deps, user, query, page, listAll);
  if (foldWords(query).some((word) => /^retards?$/.test(word))) return load();
  const key = JSON.stringify([query.trim(), page, listAll, user.agentId]);
  return (await deps.reads.projectPages.read(key, load)) as ProjectPage | null;
}

async function loadProjectPage(
  deps: BotDeps,
  user: TurnUser,
  query: string,
  page: number,
  listAll: boolean,
): Promise<ProjectPage | null> {
  const { mine, text } = readProjectRequest(query);
  if (mine && user.agentId === null) return null;
  // Every project and known word in memory when the bot holds them current (no round trip);
  // PostgreSQL otherwise, asked about every typed word while the vocabulary loads (one
  // round trip saved; words the parser then reads as filters only cost a lookup).
  const memory = await deps.reads.searchMemory();
  const typed = [...new Set(meaningfulWords(text))].slice(0, 16);
  const [vocabulary, lookups] = await Promise.all([
    deps.reads.queryVocabulary.read("", () => loadQueryVocabulary(deps.db)),
    memory
      ? findWordCandidatesInMemory(memory.lexicon, typed)
      : deps.reads.wordCandidates.readMany(typed, (missing) => findWordCandidates(deps.db, missing)),
  ]);
  const candidates = new Map(typed.map((word, i) => [word, lookups[i] ?? []]));
  const parsed = parseProjectQuery(text, vocabulary);
  if (!listAll && !mine && isEmptyQuery(parsed)) return { query, mine, parsed, page: 1, total: 0, hits: [] };
  if (mine && user.agentId !== null) parsed.filters.followedById = user.agentId;
  const words = parsed.words.join(" ");
  const options = (n: number): SearchOptions => ({
    limit: PAGE_SIZE,
    offset: (n - 1) * PAGE_SIZE,
    filters: parsed.filters,
    ...(parsed.reference ? { reference: parsed.reference } : {}),
    now: deps.now(),
    candidates,
  });
  const search = (n: number) => findProjects(deps, words, options(n), memory);
  let found = await search(page);
  const last = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  if (found.hits.length === 0 && page > last) {
    page = last;
    found = await search(page);
  }
  return { query, mine, parsed, page, ...found };
}

/**
 * `searchProjects` from the bot's memory when it is current (see `BotReads.searchMemory`),
 * PostgreSQL otherwise (or for « en retard »): the same answer either way. With
 * `BOT_SEARCH_THREAD=true`, while the bot has another message in hand, the search thread's
 * copy answers (`BotReads.searchElsewhere`), this thread's when it cannot. Candidates already looked up (`options.candidates`) are
 * reused here; `memory` when the caller has it.
 */
export async function findProjects(
  deps: BotDeps,
  text: string,
  options: SearchOptions,
  memory?: SearchMemory | null,
): Promise<{ total: number; hits: ProjectHit[] }> {
  const current = memory === undefined ? await deps.reads.searchMemory() : memory;
  if (current && !options.filters?.late) {
    const { limit, offset, filters, reference } = options;
    const elsewhere = await deps.reads.searchElsewhere({
      text,
      limit,
      offset,
      ...(filters ? { filters } : {}),
      ...(reference ? { reference } : {}),
    });
    if (elsewhere) return elsewhere;
  }
  const fromMemory =
    current &&
    searchProjectIndex(current.index, text, {
      ...options,
      lookUp: (words) =>
        words.map(
          (word) => options.candidates?.get(word) ?? findWordCandidatesInMemory(current.lexicon, [word])[0] ?? [],
        ),
    });
  return fromMemory ?? searchProjects(deps.db, text, { ...options, run: deps.reads.run });
}

/** What to say when `mes projets` comes from someone who is not in our agents' table. */
export const NOT_AN_AGENT =
  "Je ne vous trouve pas parmi les agents qui suivent des projets : **mes projets** liste les projets qui vous sont attribués. Essayez **projets 2024** ou **projets canton Seignanx**.";
