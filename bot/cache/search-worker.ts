import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { createLogger } from "../../domain/log/create-logger.ts";
import { findWordCandidatesInMemory } from "../../domain/projects/find-word-candidates-in-memory.ts";
import { searchProjectIndex } from "../../domain/projects/search-project-index.ts";
import type { Change } from "./change-feed.ts";
import { createProjectIndexKeeper } from "./project-index.ts";
import type { OffloadedSearch, SearchWorkerData } from "./search-offload.ts";

/**
 * The search thread (see `createSearchOffload`): its own search memory, built from
 * PostgreSQL and kept current by the change notices the bot's main thread forwards, in
 * the order heard; each search is answered once every notice sent before it is applied.
 */
export type ToSearchWorker =
  | { type: "change"; change: Change | null }
  | { type: "search"; id: number; search: OffloadedSearch };
export type FromSearchWorker =
  | { type: "built" }
  | { type: "result"; id: number; result: Awaited<ReturnType<typeof searchProjectIndex>> };

if (!parentPort) throw new Error("search-worker.ts runs as a worker thread (createSearchOffload)");
const port = parentPort;
const { databaseUrl, schema, logLevel } = workerData as SearchWorkerData;
const logger = createLogger({ level: logLevel, name: "search-worker" });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: `-c search_path="${schema}"` });
pool.on("error", (error) => logger.warn({ err: error.message }, "search worker connection lost"));
// The main thread asks only while its own memory is current, that is while changes are heard.
const keeper = createProjectIndexKeeper({ connect: () => pool.connect(), live: () => true, logger });
keeper.hear(null);
void keeper.built().then(() => port.postMessage({ type: "built" } satisfies FromSearchWorker));

port.on("message", (message: ToSearchWorker) => {
  if (message.type === "change") keeper.hear(message.change);
  else void answer(message.id, message.search);
});

async function answer(id: number, { text, ...options }: OffloadedSearch): Promise<void> {
  let result: FromSearchWorker & { type: "result" } = { type: "result", id, result: null };
  try {
    const memory = await keeper.current();
    if (memory) {
      const lookUp = (words: readonly string[]) => findWordCandidatesInMemory(memory.lexicon, words);
      result = { type: "result", id, result: searchProjectIndex(memory.index, text, { ...options, lookUp }) };
    }
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "search in the worker failed; answered by the main thread");
  }
  port.postMessage(result);
}
