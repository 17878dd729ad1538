import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isClearHit } from "../../domain/projects/is-clear-hit.ts";
import { lateProjectWhere } from "../../domain/projects/late-conditions.ts";
import { loadQueryVocabulary } from "../../domain/projects/load-query-vocabulary.ts";
import { parseProjectQuery } from "../../domain/projects/parse-project-query.ts";
import { searchProjects } from "../../domain/projects/search-projects.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const ALL = { limit: 500, offset: 0 };
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("search");
  await seed(schema.db, { now: NOW });
});
afterAll(async () => {
  await schema?.drop();
});

const references = async (text: string) => (await searchProjects(schema.db, text, ALL)).hits.map((h) => h.reference);

/** Parses like the bot, then searches. */
async function ask(text: string, now = NOW) {
  const parsed = parseProjectQuery(text, await loadQueryVocabulary(schema.db));
  const { reference } = parsed;
  return searchProjects(schema.db, parsed.words.join(" "), {
    ...ALL,
    filters: parsed.filters,
    now,
    ...(reference ? { reference } : {}),
  });
}

describe("searchProjects on the seed", () => {
  it("forgives typos: « grenad skatpark » finds 2022-017 first", async () => {
    expect((await references("grenad skatpark"))[0]).toBe("2022-017");
  });

  it("ignores accents, case, punctuation and word order", async () => {
    for (const text of [
      "Grenade sur l'Adour",
      "GRENADE",
      "grenade-sur-l’adour",
      "adour grenade skatepark",
      "le skatepark de Grenade",
      "skate grenade",
    ]) {
      const found = await searchProjects(schema.db, text, ALL);
      expect(found.hits[0]?.reference, text).toBe("2022-017");
      for (const hit of found.hits) {
        const where = normalizeKey(`${hit.title} ${hit.commune} ${hit.canton} ${hit.holderName}`);
        expect(where, `${text} → ${hit.reference}`).toContain("grenade");
      }
    }
  });

  it("finds accented titles from plain letters and the other way round", async () => {
    const project = await schema.db.project.findFirstOrThrow({
      where: { title: { contains: "é" } },
      select: { reference: true, title: true },
    });
    const word = project.title.split(/[\s'’-]+/).find((w) => /é/.test(w) && w.length > 3) as string;
    expect(await references(normalizeKey(word))).toContain(project.reference);
    expect(await references(word.toUpperCase())).toContain(project.reference);
  });

  it("puts a reference first, however it is typed, with the full row", async () => {
    const found = await searchProjects(schema.db, "2022-17", ALL);
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({
      reference: "2022-017",
      title: "Skatepark de Grenade-sur-l'Adour",
      editionYear: 2022,
      commune: "Grenade-sur-l'Adour",
      canton: "Adour Armagnac",
      isYouth: true,
    });
    expect(found.hits[0]?.score).toBeGreaterThanOrEqual(100);
  });

  it("calls a hit clear only when it stands out (isClearHit)", async () => {
    const clear = async (text: string) => {
      const { hits, total } = await searchProjects(schema.db, text, { limit: 10, offset: 0 });
      return isClearHit(hits, total);
    };
    expect(await clear("skatepark grenade")).toBe(true);
    expect(await clear("2022-017")).toBe(true);
    expect(await clear("skatepark")).toBe(false);
    expect(await clear("Grenade sur l'Adour")).toBe(false);
    expect(await clear("xqzwv")).toBe(false);
  });

  it("finds nothing for nonsense", async () => {
    expect(await searchProjects(schema.db, "xqzwv plorktu", ALL)).toEqual({ total: 0, hits: [] });
  });

  it("applies « jeunes Dax-2 2021 » exactly as the database sees it", async () => {
    const found = await ask("les projets jeunes de Dax-2 en 2021");
    const expected = await schema.db.project.findMany({
      where: { isYouth: true, canton: { slug: "dax-2" }, edition: { year: 2021 } },
      select: { reference: true },
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(found.total).toBe(expected.length);
    expect(found.hits.map((h) => h.reference).sort()).toEqual(expected.map((p) => p.reference).sort());
  });

  it("« en retard » returns exactly the projects lateProjectWhere selects, at several dates", async () => {
    for (const now of [NOW, new Date("2027-03-01T12:00:00Z"), new Date("2025-06-01T12:00:00Z")]) {
      const found = await ask("en retard", now);
      const expected = await schema.db.project.findMany({ where: lateProjectWhere(now), select: { reference: true } });
      expect(found.hits.map((h) => h.reference).sort(), now.toISOString()).toEqual(
        expected.map((p) => p.reference).sort(),
      );
    }
    expect((await ask("en retard")).total).toBeGreaterThan(0);
  });

  it("combines canton, edition and lateness (« projets canton seignanx 2024 en retard »)", async () => {
    const found = await ask("projets canton seignanx 2024 en retard");
    const expected = await schema.db.project.findMany({
      where: { AND: [lateProjectWhere(NOW), { canton: { slug: "seignanx" }, edition: { year: 2024 } }] },
      select: { reference: true },
    });
    expect(found.hits.map((h) => h.reference).sort()).toEqual(expected.map((p) => p.reference).sort());
  });

  it("pages consistently (limit and offset)", async () => {
    const all = await searchProjects(schema.db, "", { limit: 30, offset: 0, filters: { editionYear: 2021 } });
    const second = await searchProjects(schema.db, "", { limit: 10, offset: 10, filters: { editionYear: 2021 } });
    expect(second.total).toBe(all.total);
    expect(second.hits).toEqual(all.hits.slice(10, 20));
    const beyond = await searchProjects(schema.db, "", { limit: 10, offset: 1000, filters: { editionYear: 2021 } });
    expect(beyond).toEqual({ total: all.total, hits: [] });
  });

  it("follows a renamed porteur (the trigger refreshes the project's words)", async () => {
    const project = await schema.db.project.findUniqueOrThrow({
      where: { reference: "2022-017" },
      select: { holderId: true },
    });
    await schema.db.holder.update({ where: { id: project.holderId }, data: { name: "Les Riders Chalossais" } });
    expect(await references("riders chalosais")).toEqual(["2022-017"]);
  });
});
