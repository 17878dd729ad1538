import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { payableCents } from "../../domain/money/payable-cents.ts";
import { getProjectDetail } from "../../domain/projects/get-project-detail.ts";
import { lateProjectWhere } from "../../domain/projects/late-conditions.ts";
import { buildMonitoringReport } from "../../domain/reports/build-monitoring-report.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("report");
  await seed(schema.db, { now: NOW });
});
afterAll(async () => {
  await schema?.drop();
});

/** Sums straight from SQL, written differently from the report's query (latest check by NOT EXISTS). */
async function sqlSums(year: number) {
  const [row] = await schema.db.$queryRaw<{ awarded: bigint; paid: bigint; justified: bigint; n: bigint }[]>`
    SELECT
      (SELECT COUNT(*) FROM "Project" p JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = ${year}) AS n,
      (SELECT COALESCE(SUM(p."awardedCents"), 0) FROM "Project" p JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = ${year}) AS awarded,
      (SELECT COALESCE(SUM(y."amountCents"), 0) FROM "Payment" y JOIN "Project" p ON p.id = y."projectId"
         JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = ${year} AND y.status = 'SENT') AS paid,
      (SELECT COALESCE(SUM(c."eligibleCents"), 0) FROM "InvoiceCheck" c JOIN "Invoice" i ON i.id = c."invoiceId"
         JOIN "Project" p ON p.id = i."projectId" JOIN "Edition" e ON e.id = p."editionId"
         WHERE e.year = ${year} AND i."cancelledAt" IS NULL AND c.outcome = 'COMPLIANT'
           AND NOT EXISTS (SELECT 1 FROM "InvoiceCheck" d WHERE d."invoiceId" = c."invoiceId"
             AND (d."checkedAt" > c."checkedAt" OR (d."checkedAt" = c."checkedAt" AND d.id > c.id)))) AS justified`;
  return {
    count: Number(row?.n),
    awardedCents: Number(row?.awarded),
    paidCents: Number(row?.paid),
    justifiedCents: Number(row?.justified),
  };
}

describe("buildMonitoringReport", () => {
  it("has one row per project of the edition with the follow-up columns of 2022-017", async () => {
    const report = await buildMonitoringReport(schema.db, { editionYear: 2022, now: NOW });
    expect(report.editionYear).toBe(2022);
    expect(report.rows).toHaveLength(45);
    expect(report.rows.every((r) => r.editionYear === 2022)).toBe(true);
    const row = report.rows.find((r) => r.reference === "2022-017");
    const view = await getProjectDetail(schema.db, "2022-017", NOW);
    expect(row).toMatchObject({
      title: view.title,
      theme: view.theme,
      commune: view.commune,
      canton: view.canton,
      isYouth: view.isYouth,
      holderName: view.holder.name,
      holderKind: view.holder.kind,
      status: view.status,
      awardedCents: view.amounts.awardedCents,
      agreementCents: view.amounts.agreementCents,
      paidCents: view.amounts.paidCents,
      justifiedCents: view.amounts.justifiedCents,
    });
    expect(row?.title).toContain("Skatepark");
  });

  it("agrees with the project card's amounts for every project, and « reste à verser » follows payableCents", async () => {
    const report = await buildMonitoringReport(schema.db, { editionYear: 2021, now: NOW });
    for (const row of report.rows) {
      const { amounts } = await getProjectDetail(schema.db, row.reference, NOW);
      expect([row.reference, row.paidCents, row.justifiedCents, row.agreementCents]).toEqual([
        row.reference,
        amounts.paidCents,
        amounts.justifiedCents,
        amounts.agreementCents,
      ]);
      expect(row.remainingCents).toBe(payableCents(amounts));
    }
    expect(report.rows.some((r) => r.remainingCents > 0)).toBe(true);
  });

  it("flags late projects by the same rule as the card and the digest", async () => {
    const report = await buildMonitoringReport(schema.db, { now: NOW });
    const late = await schema.db.project.findMany({ where: lateProjectWhere(NOW), select: { reference: true } });
    expect(late.length).toBeGreaterThan(0);
    expect(
      report.rows
        .filter((r) => r.late)
        .map((r) => r.reference)
        .sort(),
    ).toEqual(late.map((p) => p.reference).sort());
  });

  it("totals equal the SQL sums, and every breakdown adds up to them", async () => {
    const report = await buildMonitoringReport(schema.db, { editionYear: 2022, now: NOW });
    const sums = await sqlSums(2022);
    expect(report.totals.all).toMatchObject(sums);
    for (const breakdown of [
      report.totals.byStatus,
      report.totals.byTheme,
      report.totals.byCanton,
      report.totals.byYouth,
    ]) {
      expect(breakdown.reduce((n, line) => n + line.count, 0)).toBe(sums.count);
      expect(breakdown.reduce((n, line) => n + line.awardedCents, 0)).toBe(sums.awardedCents);
      expect(breakdown.reduce((n, line) => n + line.paidCents, 0)).toBe(sums.paidCents);
      expect(breakdown.reduce((n, line) => n + line.justifiedCents, 0)).toBe(sums.justifiedCents);
    }
    expect(report.totals.byYouth.map((l) => [l.label, l.count])).toEqual([
      ["Projets jeunes", 9],
      ["Autres projets", 36],
    ]);
    const statusCounts = await schema.db.project.groupBy({
      by: ["status"],
      where: { edition: { year: 2022 } },
      _count: true,
    });
    expect(Object.fromEntries(report.totals.byStatus.map((l) => [l.status, l.count]))).toEqual(
      Object.fromEntries(statusCounts.map((s) => [s.status, s._count])),
    );
  });

  it("covers every edition when none is given", async () => {
    const report = await buildMonitoringReport(schema.db, { now: NOW });
    expect(report.editionYear).toBeNull();
    expect(report.rows).toHaveLength(await schema.db.project.count());
  });

  it("refuses an unknown edition in French, listing the known ones", async () => {
    const error = await buildMonitoringReport(schema.db, { editionYear: 2023, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).frenchMessage).toContain("2019, 2021, 2022, 2024");
  });
});
