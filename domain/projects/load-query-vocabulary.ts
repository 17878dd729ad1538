import type { DbTx } from "../../prisma/create-db.ts";
import type { QueryVocabulary } from "./parse-project-query.ts";

/**
 * The canton and theme names a query is read against, in one round trip (a few dozen
 * rows). The bot keeps the result in its read cache until a canton or theme changes.
 */
export async function loadQueryVocabulary(db: DbTx): Promise<QueryVocabulary> {
  const rows = await db.$queryRaw<{ slug: string | null; name: string }[]>`
    SELECT "slug", "name" FROM "Canton"
    UNION ALL
    SELECT DISTINCT NULL, "name" FROM "Theme"`;
  return {
    cantons: rows.flatMap((r) => (r.slug === null ? [] : [{ slug: r.slug, name: r.name }])),
    themes: rows.flatMap((r) => (r.slug === null ? [r.name] : [])),
  };
}
