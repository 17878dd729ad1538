import { Prisma } from "../../prisma/generated/client.ts";
import type { Candidate } from "./find-word-candidates.ts";
import { foldWords } from "./fold-words.ts";
import { lateProjectSql } from "./late-conditions.ts";
import type { ProjectFilters } from "./parse-project-query.ts";
import { IN_TITLE_SCORE, REFERENCE_SCORE, spellingOf, TITLE_SCORE } from "./search-relevance.ts";

/** `LIKE ALL` patterns: the name contains each folded word (only [a-z0-9], no wildcard to escape). */
const containsAll = (name: string) => foldWords(name).map((w) => `%${w}%`);

/** The filters as SQL conditions on the project aliased `p` (parameterised, never concatenated). */
export function filterConditions(filters: ProjectFilters, now: Date | undefined): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (filters.editionYear !== undefined) {
    c.push(Prisma.sql`p."editionId" IN (SELECT "id" FROM "Edition" WHERE "year" = ${filters.editionYear})`);
  }
  if (filters.cantonSlug !== undefined) {
    c.push(Prisma.sql`p."cantonId" IN (SELECT "id" FROM "Canton" WHERE "slug" = ${filters.cantonSlug})`);
  }
  if (filters.communeName !== undefined) {
    const patterns = containsAll(filters.communeName);
    c.push(
      Prisma.sql`p."communeId" IN (SELECT "id" FROM "Commune" WHERE "bpc40_fold"("name") LIKE ALL(${patterns}::text[]))`,
    );
  }
  if (filters.themeName !== undefined) {
    const patterns = containsAll(filters.themeName);
    c.push(
      Prisma.sql`p."themeId" IN (SELECT "id" FROM "Theme" WHERE "bpc40_fold"("name") LIKE ALL(${patterns}::text[]))`,
    );
  }
  if (filters.status !== undefined) c.push(Prisma.sql`p."status" = ${filters.status}::"ProjectStatus"`);
  if (filters.isYouth !== undefined) c.push(Prisma.sql`p."isYouth" = ${filters.isYouth}`);
  if (filters.followedById !== undefined) c.push(Prisma.sql`p."followedById" = ${filters.followedById}`);
  if (filters.late) {
    if (!now) throw new Error("searchProjects: the « late » filter needs `now`");
    c.push(lateProjectSql(now));
  }
  return c;
}

/** Each typed word narrows: the project holds one of the known words it may stand for. */
export function wordConditions(candidates: readonly (readonly Candidate[])[]): Prisma.Sql[] {
  return candidates.map((list) => Prisma.sql`p."searchWords" && ${list.map((c) => c.word)}::text[]`);
}

/**
 * Relevance of a project for the typed words (rules in `search-relevance.ts`), from cheap
 * array tests only (a correlated subquery per row costs ten times more at 100 000
 * projects). Per word: its best similarity when the project holds the closest spelling,
 * 0.8 of it for another candidate, plus 0.5 when it is in the title; plus `TITLE_SCORE`
 * when the title holds every word exactly, and `REFERENCE_SCORE` for the reference typed.
 */
export function scoreSql(
  exactWords: readonly string[],
  candidates: readonly (readonly Candidate[])[],
  reference?: string,
) {
  const terms = candidates.map((list) => {
    const { top, other, best, all, uniform } = spellingOf(list);
    const spelling = uniform
      ? Prisma.sql`${top}::float8`
      : Prisma.sql`CASE WHEN p."searchWords" && ${best}::text[] THEN ${top}::float8 ELSE ${other}::float8 END`;
    return Prisma.sql`(${spelling} + CASE WHEN p."titleWords" && ${all}::text[] THEN ${IN_TITLE_SCORE}::float8 ELSE 0 END)`;
  });
  if (exactWords.length > 0) {
    terms.push(
      Prisma.sql`CASE WHEN p."titleWords" @> ${[...exactWords]}::text[] THEN ${TITLE_SCORE}::float8 ELSE 0 END`,
    );
  }
  if (reference)
    terms.push(Prisma.sql`CASE WHEN p."reference" = ${reference} THEN ${REFERENCE_SCORE}::float8 ELSE 0 END`);
  return terms.length > 0 ? Prisma.join(terms, " + ") : Prisma.sql`0::float8`;
}
