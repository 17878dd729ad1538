import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProjects } from "../../../bench/support/make-projects.ts";
import { type ChangeFeed, createChangeFeed } from "../../../bot/cache/change-feed.ts";
import { createProjectIndexKeeper, type ProjectIndexKeeper } from "../../../bot/cache/project-index.ts";
import { createLogger } from "../../../domain/log/create-logger.ts";
import { findWordCandidatesInMemory } from "../../../domain/projects/find-word-candidates-in-memory.ts";
import { loadQueryVocabulary } from "../../../domain/projects/load-query-vocabulary.ts";
import { parseProjectQuery, type QueryVocabulary } from "../../../domain/projects/parse-project-query.ts";
import { searchProjectIndex } from "../../../domain/projects/search-project-index.ts";
import { searchProjects } from "../../../domain/projects/search-projects.ts";
import { seed } from "../../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { waitUntil } from "../../support/wait-until.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
// Process warnings from the first build on: `pg` warns (once) when queries are queued on a
// client already running one, which pg 9 will refuse.
const warnings: string[] = [];
process.on("warning", (warning) => warnings.push(warning.message));
let schema: FreshSchema;
let pool: pg.Pool;
let feed: ChangeFeed;
let keeper: ProjectIndexKeeper;
let vocabulary: QueryVocabulary;

beforeAll(async () => {
  schema = await freshSchema("index");
  await seed(schema.db, { now: NOW });
  pool = new pg.Pool({ connectionString: schema.databaseUrl, max: 3, options: `-c search_path="${schema.schema}"` });
  const client = await pool.connect();
  // 3 000 more projects: many ties on score, so the order past the score is tested too.
  await makeProjects(client as unknown as pg.Client, 3_150).finally(() => client.release());
  const logger = createLogger({ level: "silent", name: "index-test" });
  // Half a second before listening again: long enough for the test to see the feed down.
  feed = createChangeFeed({ databaseUrl: schema.databaseUrl, schema: schema.schema, logger, retryMs: 500 });
  // Built 400 projects at a time: the pages are stitched into one index.
  keeper = createProjectIndexKeeper({
    connect: () => pool.connect(),
    live: () => feed.live,
    logger,
    rebuildDelayMs: 5,
    buildPage: 400,
  });
  feed.subscribe((change) => keeper.hear(change));
  await keeper.built();
  vocabulary = await loadQueryVocabulary(schema.db);
}, 60_000);

afterAll(async () => {
  await feed?.close();
  await pool?.end();
  await schema?.drop();
});

describe("building the index", () => {
  it("never queues a query on a connection already running one", () => {
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });
});

/** The memory, once every change committed so far has been heard and applied. */
async function memory() {
  expect(await feed.sync()).toBe(true);
  const current = await keeper.current();
  if (!current) throw new Error("index not current");
  return current;
}

/** The same request answered by PostgreSQL and by the index, parsed as the bot parses it. */
async function both(text: string, page = 1, limit = 10) {
  const parsed = parseProjectQuery(text, vocabulary);
  const options = {
    limit,
    offset: (page - 1) * limit,
    filters: parsed.filters,
    now: NOW,
    ...(parsed.reference ? { reference: parsed.reference } : {}),
  };
  const words = parsed.words.join(" ");
  const { index, lexicon } = await memory();
  const fromMemory = searchProjectIndex(index, words, {
    ...options,
    lookUp: (typed) => findWordCandidatesInMemory(lexicon, typed),
  });
  return { fromMemory, fromSql: await searchProjects(schema.db, words, options) };
}

const REQUESTS = [
  ...["grenad skatpark", "Grenade sur l'Adour", "GRENADE", "adour grenade skatepark", "le skatepark de Grenade"],
  ...["skate grenade", "skatepark", "jardin partage dax", "boite a livres seignanx", "pumptrack tartas"],
  ...["jardin", "jardn partagé", "verger mont de marsan", "fresque", "ruches pedagogiques", "city stade dax"],
  ...["2022-17", "2022-17 skatepark", "2030-0042", "2030-42 jardin", "2099-001"],
  ...["projets 2021", "2021 jeunes", "jeunes", "canton seignanx", "seignanx 2024", "projets jeunes de Dax-2 en 2021"],
  ...["commune dax", "dax", "theme sport", "sport", "abandonne", "en cours", "terminé", "cloture 2030"],
  ...["", "xqzwv plorktu", "a", "de la", "skatepark xqzwv", "hotel insectes capbreton", "table pique nique 2031"],
];

describe("the in-memory project search", () => {
  it("answers every request exactly as PostgreSQL: the same projects, scores, order and total", async () => {
    let compared = 0;
    for (const text of REQUESTS) {
      for (const page of [1, 2, 7]) {
        const { fromMemory, fromSql } = await both(text, page);
        expect(fromMemory, `${text} (page ${page})`).toEqual(fromSql);
        compared += fromSql.hits.length;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("leaves « en retard » to PostgreSQL (it reads agreements, payments and events)", async () => {
    expect((await both("projets en retard")).fromMemory).toBeNull();
  });

  it("sees a project renamed, added or deleted as soon as the change is heard", async () => {
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference: "2022-017" } });
    await schema.db.project.update({ where: { id: project.id }, data: { title: "Vélodrome de Grenade" } });
    let found = await both("velodrome grenade");
    expect(found.fromMemory?.hits[0]?.reference).toBe("2022-017");
    expect(found.fromMemory).toEqual(found.fromSql);
    expect((await both("skatepark grenade")).fromMemory?.hits.map((h) => h.reference)).not.toContain("2022-017");

    // A word nobody used before: the lexicon grows with it.
    const created = await schema.db.project.create({
      data: { ...withoutGenerated(project), reference: "2022-990", number: 990, title: "Zythothèque participative" },
    });
    found = await both("zythoteque");
    expect(found.fromMemory?.hits.map((h) => h.reference)).toEqual(["2022-990"]);
    expect(found.fromMemory).toEqual(found.fromSql);

    await schema.db.project.delete({ where: { id: created.id } });
    found = await both("zythotheque");
    expect(found.fromMemory?.hits.map((h) => h.reference)).not.toContain("2022-990");
    expect(found.fromMemory).toEqual(found.fromSql);
  });

  it("rebuilds everything when a name changes (a porteur renamed), reading PostgreSQL meanwhile", async () => {
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference: "2021-004" } });
    await schema.db.holder.update({ where: { id: project.holderId }, data: { name: "Les Bâtisseurs Chalossais" } });
    expect(await feed.sync()).toBe(true);
    expect(await keeper.current()).toBeNull();
    await waitUntil(async () => (await keeper.current()) !== null, "index rebuilt");
    // The benchmark's projects share the seed's porteurs: 2021-004 is among the first of its edition.
    const found = await both("batisseurs chalossais 2021");
    expect(found.fromMemory?.hits.map((h) => h.reference)).toContain("2021-004");
    expect(found.fromMemory).toEqual(found.fromSql);
  });

  it("rebuilds when the lexicon is emptied (TRUNCATE), and knows the words written again", async () => {
    await schema.db.$executeRawUnsafe(`TRUNCATE "SearchWord"`);
    expect(await feed.sync()).toBe(true);
    expect(await keeper.current()).toBeNull();
    await waitUntil(async () => (await keeper.current()) !== null, "index rebuilt");
    expect((await memory()).lexicon.words).toEqual([]);
    // The trigger writes the words of a project changed afterwards.
    await schema.db.project.update({ where: { reference: "2022-017" }, data: { title: "Vélodrome de Grenade" } });
    const found = await both("velodrome");
    expect((await memory()).lexicon.words).toContain("velodrome");
    expect(found.fromMemory).toEqual(found.fromSql);
  });

  it("serves nothing while changes cannot be heard, and rebuilds once listening again", async () => {
    await schema.db.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
      `bpc40 change feed (${schema.schema})`,
    );
    await waitUntil(() => !feed.live, "feed lost");
    expect(await keeper.current()).toBeNull();
    await waitUntil(() => feed.live, "feed back");
    await waitUntil(async () => (await keeper.current()) !== null, "index rebuilt");
    const { fromMemory, fromSql } = await both("skatepark");
    expect(fromMemory).toEqual(fromSql);
  });
});

/** A project's columns a create accepts (no id, no search columns, no timestamps). */
function withoutGenerated<T extends { id: number; createdAt: Date; updatedAt: Date }>(row: T) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
