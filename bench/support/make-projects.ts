import type pg from "pg";

const SUBJECTS = [
  "Skatepark",
  "Jardin partagé",
  "Boîte à livres",
  "Aire de jeux inclusive",
  "Parcours de santé",
  "Composteurs collectifs",
  "Ruches pédagogiques",
  "Abri vélos",
  "Fresque murale",
  "Pumptrack",
  "Verger conservatoire",
  "Table de pique-nique",
  "City stade",
  "Bibliothèque de rue",
  "Hôtel à insectes",
];

/**
 * Fills the bench schema up to `total` projects with SQL (INSERT … SELECT over
 * generate_series: the search triggers run as in production). Editions 2030+ hold
 * 9 999 projects each so references keep the `YYYY-NNNN` shape agents type.
 */
export async function makeProjects(client: pg.Client, total: number): Promise<number> {
  const count = async () => Number((await client.query(`SELECT count(*) AS n FROM "Project"`)).rows[0].n);
  const perEdition = 9999;
  for (let year = 2030; (await count()) < total; year++) {
    const { rows } = await client.query(
      `INSERT INTO "Edition" ("year", "name", "budgetCents", "updatedAt") VALUES ($1, $2, 1500000000, now())
       ON CONFLICT ("year") DO UPDATE SET "name" = EXCLUDED."name"
       RETURNING "id", (SELECT coalesce(max("number"), 0) FROM "Project" p WHERE p."editionId" = "Edition"."id") AS last`,
      [year, `Édition de mesure ${year}`],
    );
    const editionId = rows[0].id as number;
    const first = Number(rows[0].last) + 1;
    const last = Math.min(perEdition, first - 1 + total - (await count()));
    if (first > last) continue;
    await client.query(
      `INSERT INTO "Project" ("reference", "editionId", "number", "title", "cantonId", "communeId", "holderId",
                              "isYouth", "votes", "awardedCents", "status", "updatedAt")
       SELECT $1 || '-' || CASE WHEN g < 1000 THEN lpad(g::text, 3, '0') ELSE g::text END, $2, g,
              ($3::text[])[1 + (g % array_length($3::text[], 1))] || ' de ' || c."name",
              c."cantonId", c."id", h."id", g % 10 = 0, 1000 - (g % 900), 500000 + (g % 40) * 100000,
              (ARRAY['WINNER','AGREEMENT_PENDING','AGREEMENT_SIGNED','IN_PROGRESS','COMPLETED','CLOSED'])[1 + g % 6]::"ProjectStatus",
              now()
       FROM generate_series($4::int, $5::int) AS g
       JOIN LATERAL (SELECT "id", "name", "cantonId" FROM "Commune" ORDER BY "id" OFFSET (g * 7) % (SELECT count(*) FROM "Commune") LIMIT 1) c ON true
       JOIN LATERAL (SELECT "id" FROM "Holder" ORDER BY "id" OFFSET (g * 13) % (SELECT count(*) FROM "Holder") LIMIT 1) h ON true
       ON CONFLICT ("reference") DO NOTHING`,
      [String(year), editionId, SUBJECTS, first, last],
    );
  }
  await client.query(`ANALYZE`);
  return count();
}
