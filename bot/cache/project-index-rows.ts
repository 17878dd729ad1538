import type pg from "pg";
import type { IndexedRow, IndexNames } from "../../domain/projects/project-search-index.ts";
import type { ProjectStatus } from "../../prisma/generated/enums.ts";

/** The projects' columns the search index keeps; `WHERE` added by the caller. */
const PROJECT_ROWS_SQL = `
  SELECT p."id", p."reference", p."title", p."editionId", p."number", p."themeId", p."communeId", p."cantonId",
    h."name" AS "holderName", p."followedById", p."isYouth", p."awardedCents", p."status"::text AS "status",
    array_to_string(p."searchWords", ' ') AS "searchWords", array_to_string(p."titleWords", ' ') AS "titleWords",
    coalesce(cardinality(p."titleWords"), 0)::int AS "titleLength"
  FROM "Project" p JOIN "Holder" h ON h."id" = p."holderId"`;

interface ProjectRow extends Omit<IndexedRow["project"], "status"> {
  status: string;
  searchWords: string | null;
  titleWords: string | null;
}

const words = (joined: string | null) => (joined ? joined.split(" ") : []);

/** Built field by field: one object shape for 100 000 rows (a spread of pg's rows makes slow dictionaries). */
const toIndexed = (row: ProjectRow): IndexedRow => ({
  project: {
    id: row.id,
    reference: row.reference,
    title: row.title,
    editionId: row.editionId,
    number: row.number,
    themeId: row.themeId,
    communeId: row.communeId,
    cantonId: row.cantonId,
    holderName: row.holderName,
    followedById: row.followedById,
    isYouth: row.isYouth,
    awardedCents: row.awardedCents,
    status: row.status as ProjectStatus,
    titleLength: row.titleLength,
  },
  searchWords: words(row.searchWords),
  titleWords: words(row.titleWords),
});

/**
 * The projects after `afterId`, by id, `limit` at most: the index is built page by page,
 * so 100 000 rows never sit in memory all at once next to what is built from them.
 */
export async function readProjectsAfter(client: pg.ClientBase, afterId: number, limit: number): Promise<IndexedRow[]> {
  const { rows } = await client.query<ProjectRow>({
    name: "bpc40_index_project_page",
    text: `${PROJECT_ROWS_SQL} WHERE p."id" > $1 ORDER BY p."id" LIMIT $2`,
    values: [afterId, limit],
  });
  return rows.map(toIndexed);
}

/** The projects among `ids` that still exist (the others were deleted). */
export async function readProjects(client: pg.ClientBase, ids: readonly number[]): Promise<IndexedRow[]> {
  const { rows } = await client.query<ProjectRow>({
    name: "bpc40_index_projects",
    text: `${PROJECT_ROWS_SQL} WHERE p."id" = ANY($1::int[])`,
    values: [ids],
  });
  return rows.map(toIndexed);
}

/**
 * Edition years, canton, commune and theme names (folded by PostgreSQL, as the SQL filters
 * read them). One query after the other: a `pg` client runs one at a time anyway, and
 * queueing several on it is deprecated (pg 9 will refuse it).
 */
export async function readIndexNames(client: pg.ClientBase): Promise<IndexNames> {
  const editions = await client.query<{ id: number; year: number }>(`SELECT "id", "year" FROM "Edition"`);
  const cantons = await client.query<{ id: number; name: string; slug: string }>(
    `SELECT "id", "name", "slug" FROM "Canton"`,
  );
  const communes = await client.query<{ id: number; name: string; folded: string }>(
    `SELECT "id", "name", coalesce("bpc40_fold"("name"), '') AS "folded" FROM "Commune"`,
  );
  const themes = await client.query<{ id: number; folded: string }>(
    `SELECT "id", coalesce("bpc40_fold"("name"), '') AS "folded" FROM "Theme"`,
  );
  return {
    editionYears: new Map(editions.rows.map((r) => [r.id, r.year])),
    cantons: new Map(cantons.rows.map(({ id, ...r }) => [id, r])),
    communes: new Map(communes.rows.map(({ id, ...r }) => [id, r])),
    themes: new Map(themes.rows.map(({ id, ...r }) => [id, r])),
  };
}

/** The lexicon's words with an id above `afterId` (words are only ever added). */
export async function readSearchWords(
  client: pg.ClientBase,
  afterId = 0,
): Promise<Array<{ id: number; word: string }>> {
  const { rows } = await client.query<{ id: number; word: string }>({
    name: "bpc40_index_words",
    text: `SELECT "id", "word" FROM "SearchWord" WHERE "id" > $1 ORDER BY "id"`,
    values: [afterId],
  });
  return rows;
}
