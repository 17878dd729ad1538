import { afterAll, beforeAll, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { buildMonitoringReport } from "../../domain/reports/build-monitoring-report.ts";
import { writeReportCsv } from "../../domain/reports/write-report-csv.ts";
import { writeReportWorkbook } from "../../domain/reports/write-report-workbook.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const PROJECTS = 10_000;
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("report_scale");
  await seed(schema.db, { now: NOW });
  // An edition of 10 000 projects, each with a convention, two payments and two invoices checked twice.
  await schema.db
    .$executeRaw`INSERT INTO "Edition" ("year", "name", "budgetCents", "updatedAt") VALUES (2030, 'Charge', 0, now())`;
  await schema.db.$executeRaw`
    INSERT INTO "Project" ("reference", "editionId", "number", "title", "cantonId", "holderId", "awardedCents", "updatedAt")
    SELECT '2030-' || lpad(n::text, 5, '0'), (SELECT id FROM "Edition" WHERE year = 2030), n, 'Projet ' || n,
      (SELECT min(id) FROM "Canton"), (SELECT min(id) FROM "Holder"), 1000000 + n, now()
    FROM generate_series(1, ${PROJECTS}) AS n`;
  await schema.db.$executeRaw`
    INSERT INTO "Agreement" ("projectId", "reference", "amountCents", "status", "sentAt", "updatedAt")
    SELECT p.id, 'C-' || p.reference, p."awardedCents" - 100, 'SIGNED', now(), now()
    FROM "Project" p WHERE p.reference LIKE '2030-%'`;
  await schema.db.$executeRaw`
    INSERT INTO "Payment" ("projectId", "kind", "amountCents", "status", "sentAt", "updatedAt")
    SELECT p.id, k.kind::"PaymentKind", 1000, 'SENT', now(), now()
    FROM "Project" p CROSS JOIN (VALUES ('ADVANCE'), ('BALANCE')) AS k(kind) WHERE p.reference LIKE '2030-%'`;
  await schema.db.$executeRaw`
    INSERT INTO "Invoice" ("projectId", "supplier", "supplierKey", "number", "issuedOn", "amountCents", "updatedAt")
    SELECT p.id, 'Fournisseur', 'fournisseur', 'F' || k, '2026-01-01', 5000, now()
    FROM "Project" p CROSS JOIN generate_series(1, 2) AS k WHERE p.reference LIKE '2030-%'`;
  await schema.db.$executeRaw`
    INSERT INTO "InvoiceCheck" ("invoiceId", "eligibleCents", "outcome", "checkedAt")
    SELECT i.id, 4000, o.outcome::"CheckOutcome", now() - o.age * interval '1 day'
    FROM "Invoice" i JOIN "Project" p ON p.id = i."projectId"
    CROSS JOIN (VALUES ('INCOMPLETE', 2), ('COMPLIANT', 1)) AS o(outcome, age) WHERE p.reference LIKE '2030-%'`;
  await schema.db.$executeRaw`ANALYZE`;
}, 180_000);

afterAll(async () => {
  await schema?.drop();
});

it("builds the report of 10 000 projects with the right totals (time: see bench/, never asserted here)", async () => {
  const report = await buildMonitoringReport(schema.db, { editionYear: 2030, now: NOW });
  expect(report.rows).toHaveLength(PROJECTS);
  expect(report.totals.all.paidCents).toBe(PROJECTS * 2000);
  expect(report.totals.all.justifiedCents).toBe(PROJECTS * 8000);
  expect(report.rows[0]).toMatchObject({ reference: "2030-00001", remainingCents: 6000 });
});

it("writes the workbook and the CSV of 10 000 projects", async () => {
  const report = await buildMonitoringReport(schema.db, { editionYear: 2030, now: NOW });
  const workbook = await writeReportWorkbook(report, { generatedBy: "test" });
  const csv = writeReportCsv(report);
  expect(workbook.subarray(0, 2).toString()).toBe("PK");
  expect(csv.toString("utf8").split("\r\n")).toHaveLength(PROJECTS + 2);
});
