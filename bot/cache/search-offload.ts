import { Worker } from "node:worker_threads";
import type { Logger } from "../../domain/log/create-logger.ts";
import type { IndexSearchOptions } from "../../domain/projects/search-project-index.ts";
import type { ProjectHit } from "../../domain/projects/search-projects.ts";
import type { Change } from "./change-feed.ts";
import type { FromSearchWorker, ToSearchWorker } from "./search-worker.ts";

/** What the search thread needs to build its own memory. */
export interface SearchWorkerData {
  databaseUrl: string;
  schema: string;
  logLevel: string;
}

/** A search as sent to the thread: the text and `searchProjectIndex`'s options (the thread looks words up itself). */
export type OffloadedSearch = Omit<IndexSearchOptions, "lookUp"> & { text: string };

export interface SearchOffload {
  /** Forwards a change notice (or a loss: null), in the order heard. */
  hear(change: Change | null): void;
  /** The thread's answer; null while it builds, after it failed, or when the search needs PostgreSQL. */
  search(search: OffloadedSearch): Promise<{ total: number; hits: ProjectHit[] } | null>;
  /** True once the thread's memory is built and until it stops. */
  readonly ready: boolean;
  /** For `/healthz`: building its memory, ready, or stopped (the main thread then searches). */
  readonly state: "building" | "ready" | "stopped";
  close(): Promise<void>;
}

/**
 * A second thread answering free-text searches from its own search memory, so that a busy
 * bot's main thread (the Bot Framework's work for every message, the cards) does not also
 * run them. Only with `BOT_SEARCH_THREAD=true`: on two cores the other core is not free (V8's
 * collector threads, PostgreSQL) and each hand-off costs the main thread a wake-up and a copy,
 * so it measured slower than searching on the main thread (README, « Décisions »). The same
 * code and the same notices give the same answers as the main thread's memory (tested).
 * If the thread fails or stops, its pending searches get null and the main thread answers.
 */
export function createSearchOffload(data: SearchWorkerData, logger: Logger): SearchOffload {
  const worker = new Worker(new URL("./search-worker.mjs", import.meta.url), { workerData: data });
  // The bot's server keeps the process alive; a thread left running must not.
  worker.unref();
  const pending = new Map<number, (result: { total: number; hits: ProjectHit[] } | null) => void>();
  let nextId = 0;
  let built = false;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  worker.on("message", (message: FromSearchWorker) => {
    if (message.type === "built") built = true;
    else {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  worker.on("error", (error) => {
    logger.warn({ err: error.message }, "search thread failed; searches stay on the main thread");
    stop();
  });
  worker.on("exit", stop);
  const send = (message: ToSearchWorker) => worker.postMessage(message);
  return {
    get ready() {
      return built && !stopped;
    },
    get state() {
      return stopped ? "stopped" : built ? "ready" : "building";
    },
    hear(change) {
      if (!stopped) send({ type: "change", change });
    },
    search(search) {
      if (!built || stopped) return Promise.resolve(null);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: "search", id, search });
      });
    },
    async close() {
      stop();
      await worker.terminate();
    },
  };
}
