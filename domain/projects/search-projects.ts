import type { DbTx } from "../../prisma/create-db.ts";
import { Prisma } from "../../prisma/generated/client.ts";
import type { ProjectStatus } from "../../prisma/generated/enums.ts";
import { type Candidate, findWordCandidates } from "./find-word-candidates.ts";
import type { ProjectFilters } from "./parse-project-query.ts";
import { filterConditions, scoreSql, wordConditions } from "./project-search-sql.ts";
import { exactWordsOf, readSearchText } from "./search-relevance.ts";

/** One project in a search result or list, with what a list row shows. */
export interface ProjectHit {
  reference: string;
  title: string;
  editionYear: number;
  commune: string | null;
  canton: string;
  holderName: string;
  status: ProjectStatus;
  isYouth: boolean;
  awardedCents: number;
  /** Relevance (see `scoreSql`); 0 for a list without words. */
  score: number;
}

export interface SearchOptions {
  limit: number;
  offset: number;
  filters?: ProjectFilters;
  /** A reference to put first (also read from `text`: « 2022-17 »). */
  reference?: string;
  /** Needed by the « en retard » filter. */
  now?: Date;
  /** Candidates already looked up (`findWordCandidates`), by typed word; the others are looked up here. */
  candidates?: ReadonlyMap<string, readonly Candidate[]>;
  /** Runs the ranked query; the bot passes prepared statements (planning costs more than running). Prisma by default. */
  run?: SqlRunner;
}

/** Runs one SQL statement and returns its rows. */
export type SqlRunner = <T>(sql: Prisma.Sql) => Promise<T[]>;

/**
 * Finds projects the way agents name them: accent- and case-insensitive, tolerant of
 * typos and word order, over title, commune, canton, porteur and reference. Each typed
 * word is first matched to the known words it may stand for (`findWordCandidates`), then
 * projects holding a candidate of every word are ranked in PostgreSQL (GIN index on
 * `searchWords`), a reference or a title holding every word first. A word matching no
 * known word is left out (it cannot narrow anything); if no word is left, nothing is
 * found. Without words, lists the projects the filters select, newest edition first.
 */
export async function searchProjects(
  db: DbTx,
  text: string,
  options: SearchOptions,
): Promise<{ total: number; hits: ProjectHit[] }> {
  const { reference, typed } = readSearchText(text, options.reference);
  const candidates = (await lookUp(db, typed, options.candidates)).filter((list) => list.length > 0);
  if (typed.length > 0 && candidates.length === 0 && !reference) return { total: 0, hits: [] };
  const exact = exactWordsOf(typed, candidates);
  const words = candidates.length > 0 ? Prisma.join(wordConditions(candidates), " AND ") : null;
  const match =
    reference && words
      ? Prisma.sql`(p."reference" = ${reference} OR (${words}))`
      : reference
        ? Prisma.sql`p."reference" = ${reference}`
        : words;
  const conditions = [...filterConditions(options.filters ?? {}, options.now), ...(match ? [match] : [])];
  const where = conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  const length = candidates.length > 0 ? Prisma.sql`cardinality(p."titleWords")` : Prisma.sql`0`;
  const run: SqlRunner = options.run ?? ((sql) => db.$queryRaw(sql));
  const rows = await run<Omit<ProjectHit, "score"> & { score: number; total: bigint | string }>(Prisma.sql`
    WITH ranked AS (
      SELECT p."id", ${scoreSql(exact, candidates, reference)} AS score, ${length} AS length,
        e."year", p."number", count(*) OVER () AS total
      FROM "Project" p JOIN "Edition" e ON e."id" = p."editionId"
      WHERE ${where}
      ORDER BY score DESC, length, e."year" DESC, p."number"
      LIMIT ${options.limit} OFFSET ${options.offset}
    )
    SELECT p."reference", p."title", r."year" AS "editionYear", c."name" AS "commune", k."name" AS "canton",
      h."name" AS "holderName", p."status"::text AS "status", p."isYouth", p."awardedCents", r.score, r.total
    FROM ranked r
    JOIN "Project" p ON p."id" = r."id"
    JOIN "Canton" k ON k."id" = p."cantonId"
    JOIN "Holder" h ON h."id" = p."holderId"
    LEFT JOIN "Commune" c ON c."id" = p."communeId"
    ORDER BY r.score DESC, r.length, r."year" DESC, r."number"`);
  const total = rows[0] ? Number(rows[0].total) : options.offset > 0 ? await countOnly(db, where) : 0;
  return { total, hits: rows.map(({ total: _total, ...hit }) => hit) };
}

/** The candidates of each typed word, from `known` when there, else from the lexicon. */
async function lookUp(db: DbTx, typed: string[], known: ReadonlyMap<string, readonly Candidate[]> = new Map()) {
  const missing = typed.filter((w) => !known.has(w));
  const found = await findWordCandidates(db, missing);
  return typed.map((w) => known.get(w) ?? found[missing.indexOf(w)] ?? []);
}

/** The count alone, for a page past the end (the ranked query then returns no row to carry it). */
async function countOnly(db: DbTx, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Project" p WHERE ${where}`;
  return Number(row?.n ?? 0);
}
