import { afterAll, beforeAll, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { lateProjectWhere } from "../../domain/projects/late-conditions.ts";
import { buildDashboard } from "../../domain/reports/build-dashboard.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const PROJECTS = 10_000;
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("tab_scale");
  await seed(schema.db, { now: NOW });
  // 10 000 projects over the 15 cantons; every 10th has a convention unsigned for 40 days,
  // every 7th a payment planned last month and not made.
  await schema.db
    .$executeRaw`INSERT INTO "Edition" ("year", "name", "budgetCents", "updatedAt") VALUES (2030, 'Charge', 0, now())`;
  await schema.db.$executeRaw`
    INSERT INTO "Project" ("reference", "editionId", "number", "title", "cantonId", "holderId", "awardedCents", "isYouth", "updatedAt")
    SELECT '2030-' || lpad(n::text, 5, '0'), (SELECT id FROM "Edition" WHERE year = 2030), n, 'Projet ' || n,
      (SELECT id FROM "Canton" ORDER BY id OFFSET n % 15 LIMIT 1), (SELECT min(id) FROM "Holder"), 1000000 + n,
      n % 4 = 0, now()
    FROM generate_series(1, ${PROJECTS}) AS n`;
  await schema.db.$executeRaw`
    INSERT INTO "Agreement" ("projectId", "reference", "amountCents", "status", "sentAt", "updatedAt")
    SELECT p.id, 'C-' || p.reference, p."awardedCents", 'SENT', ${NOW}::timestamptz - interval '40 days', now()
    FROM "Project" p WHERE p.reference LIKE '2030-%' AND p.number % 10 = 0`;
  await schema.db.$executeRaw`
    INSERT INTO "Payment" ("projectId", "kind", "amountCents", "status", "plannedAt", "updatedAt")
    SELECT p.id, 'ADVANCE', 1000, 'PLANNED', ${NOW}::timestamptz - interval '30 days', now()
    FROM "Project" p WHERE p.reference LIKE '2030-%' AND p.number % 7 = 0`;
  await schema.db.$executeRaw`ANALYZE`;
}, 180_000);

afterAll(async () => {
  await schema?.drop();
});

it("computes the dashboard of 10 000 projects, late by the card's rule (time: see bench/, never asserted here)", async () => {
  const dashboard = await buildDashboard(schema.db, { editionYear: 2030 }, NOW);
  expect(dashboard.totals.all.count).toBe(PROJECTS);
  expect(dashboard.totals.byCanton).toHaveLength(15);
  expect(dashboard.late.byStep).toEqual({ agreement: 1000, payment: 1428, report: 0, closing: 0 });
  const late = await schema.db.project.count({ where: { AND: [lateProjectWhere(NOW), { edition: { year: 2030 } }] } });
  expect(dashboard.late.projects).toHaveLength(late);

  const youth = await buildDashboard(schema.db, { editionYear: 2030, youth: true }, NOW);
  expect(youth.totals.all.count).toBe(PROJECTS / 4);
  expect(youth.late.projects.length).toBe(
    await schema.db.project.count({
      where: { AND: [lateProjectWhere(NOW), { edition: { year: 2030 }, isYouth: true }] },
    }),
  );
});
