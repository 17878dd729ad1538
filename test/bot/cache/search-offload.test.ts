import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProjects } from "../../../bench/support/make-projects.ts";
import { type BotReads, createBotReads } from "../../../bot/cache/bot-reads.ts";
import { createSearchOffload, type OffloadedSearch } from "../../../bot/cache/search-offload.ts";
import { createLogger } from "../../../domain/log/create-logger.ts";
import { findWordCandidatesInMemory } from "../../../domain/projects/find-word-candidates-in-memory.ts";
import { loadQueryVocabulary } from "../../../domain/projects/load-query-vocabulary.ts";
import { parseProjectQuery, type QueryVocabulary } from "../../../domain/projects/parse-project-query.ts";
import { searchProjectIndex } from "../../../domain/projects/search-project-index.ts";
import { seed } from "../../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { waitUntil } from "../../support/wait-until.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const logger = createLogger({ level: "silent", name: "offload-test" });
let schema: FreshSchema;
let reads: BotReads;
let vocabulary: QueryVocabulary;

beforeAll(async () => {
  schema = await freshSchema("offload");
  await seed(schema.db, { now: NOW });
  const pool = new pg.Pool({ connectionString: schema.databaseUrl, options: `-c search_path="${schema.schema}"` });
  const client = await pool.connect();
  await makeProjects(client as unknown as pg.Client, 1_200).finally(() => client.release());
  await pool.end();
  vocabulary = await loadQueryVocabulary(schema.db);
  reads = createBotReads(
    { DATABASE_URL: schema.databaseUrl, DATABASE_SCHEMA: schema.schema, BOT_SEARCH_THREAD: true, LOG_LEVEL: "silent" },
    logger,
  );
  await reads.searchMemoryBuilt();
}, 60_000);

afterAll(async () => {
  await reads?.close();
  await schema?.drop();
});

/** A request as `findProjects` sends it to the thread, parsed as the bot parses it. */
function request(text: string, page = 1): OffloadedSearch {
  const parsed = parseProjectQuery(text, vocabulary);
  return {
    text: parsed.words.join(" "),
    limit: 10,
    offset: (page - 1) * 10,
    filters: parsed.filters,
    ...(parsed.reference ? { reference: parsed.reference } : {}),
  };
}

/** The same request answered by the main thread's memory. */
async function here({ text, ...options }: OffloadedSearch) {
  expect(await reads.sync()).toBe(true);
  const memory = await reads.searchMemory();
  if (!memory) throw new Error("search memory not current");
  return searchProjectIndex(memory.index, text, {
    ...options,
    lookUp: (words) => findWordCandidatesInMemory(memory.lexicon, words),
  });
}

/** Runs `work` with two messages in hand, as a busy bot would. */
async function whileBusy<T>(work: () => Promise<T>): Promise<T> {
  const [first, second] = [reads.turnStarted(), reads.turnStarted()];
  try {
    return await work();
  } finally {
    first();
    second();
  }
}

const REQUESTS = [
  ...["grenad skatpark", "GRENADE", "adour grenade skatepark", "jardin partage dax", "boite a livres seignanx"],
  ...["verger mont de marsan", "2022-17 skatepark", "2021 jeunes", "canton seignanx", "theme sport", "terminé"],
  ...["", "xqzwv plorktu", "hotel insectes capbreton"],
];

describe("the search thread", () => {
  it("answers a busy bot's searches exactly as the main thread's memory, and leaves a quiet bot's to it", async () => {
    const ready = await waitUntil(
      async () => (await whileBusy(() => reads.searchElsewhere(request("skatepark")))) ?? false,
      "le fil de recherche prêt",
      30_000,
    );
    expect(ready.total).toBeGreaterThan(0);
    expect(reads.searchThreadState()).toBe("ready");
    let compared = 0;
    for (const text of REQUESTS) {
      for (const page of [1, 3]) {
        const elsewhere = await whileBusy(() => reads.searchElsewhere(request(text, page)));
        expect(elsewhere, `${text} (page ${page})`).toEqual(await here(request(text, page)));
        compared += elsewhere?.hits.length ?? 0;
      }
    }
    expect(compared).toBeGreaterThan(100);
    // One message in hand: the main thread answers it, without a hop to the thread.
    const done = reads.turnStarted();
    expect(await reads.searchElsewhere(request("skatepark"))).toBeNull();
    done();
  });

  it("hears the changes the main thread hears before answering", async () => {
    const updated = await schema.db.project.updateMany({
      where: { reference: "2022-017" },
      data: { title: "Zorglub des dunes" },
    });
    expect(updated.count).toBe(1);
    expect(await reads.sync()).toBe(true);
    const found = await whileBusy(() => reads.searchElsewhere(request("zorglub dunes")));
    expect(found?.hits.map((hit) => [hit.reference, hit.title])).toEqual([["2022-017", "Zorglub des dunes"]]);
    expect(found).toEqual(await here(request("zorglub dunes")));
  });

  it("answers null once stopped, the searches in hand too: the main thread then searches", async () => {
    const offload = createSearchOffload(
      { databaseUrl: schema.databaseUrl, schema: schema.schema, logLevel: "silent" },
      logger,
    );
    expect(offload.state).toBe("building");
    await waitUntil(() => offload.ready, "le fil de recherche prêt", 30_000);
    const inHand = offload.search(request("skatepark"));
    await offload.close();
    expect(await inHand).toBeNull();
    expect(offload.ready).toBe(false);
    expect(offload.state).toBe("stopped");
    expect(await offload.search(request("skatepark"))).toBeNull();
  });
});
