import type { DbTx } from "../../prisma/create-db.ts";
import { Prisma } from "../../prisma/generated/client.ts";
import type { HolderKind, ProjectStatus } from "../../prisma/generated/enums.ts";
import { payableCents } from "../money/payable-cents.ts";
import { lateProjectSql } from "../projects/late-conditions.ts";
import { editionNotFound } from "./edition-not-found.ts";
import { type MonitoringTotals, sumReportTotals } from "./sum-report-totals.ts";

/** One project's line of the rapport de suivi; amounts in integer cents. */
export interface MonitoringRow {
  reference: string;
  editionYear: number;
  title: string;
  theme: string | null;
  commune: string | null;
  canton: string;
  isYouth: boolean;
  holderName: string;
  holderKind: HolderKind;
  status: ProjectStatus;
  votes: number;
  awardedCents: number;
  /** The current convention's amount (latest one not cancelled), when there is one. */
  agreementCents: number | null;
  /** Payments sent. */
  paidCents: number;
  /** Eligible amounts of the invoices (not cancelled) whose latest check is conforme. */
  justifiedCents: number;
  /** What can still be paid (`payableCents`). */
  remainingCents: number;
  agreementSentAt: Date | null;
  /** When the Département signed, i.e. when the convention became fully signed. */
  agreementSignedAt: Date | null;
  lastPaymentAt: Date | null;
  inauguratedAt: Date | null;
  reportDueAt: Date | null;
  reportReceivedAt: Date | null;
  /** « En retard » by the same rule as the project card and the digest (`lateProjectSql`). */
  late: boolean;
}

export interface MonitoringReport {
  /** Null: every edition. */
  editionYear: number | null;
  generatedAt: Date;
  rows: MonitoringRow[];
  totals: MonitoringTotals;
}

type SqlRow = Omit<MonitoringRow, "remainingCents">;

/**
 * The rapport de suivi the agents hand to the elected officials: one row per winning
 * project with every follow-up column, and totals by status, theme, canton and youth.
 * One SQL statement computes the per-project sums (paid, justified, current convention,
 * late) for all projects at once, so 10 000 projects take a fraction of a second.
 * Throws `EDITION_NOT_FOUND` for an edition that does not exist.
 */
export async function buildMonitoringReport(
  db: DbTx,
  { editionYear, now }: { editionYear?: number | null; now: Date },
): Promise<MonitoringReport> {
  if (editionYear !== undefined && editionYear !== null) {
    const edition = await db.edition.findUnique({ where: { year: editionYear }, select: { id: true } });
    if (!edition) throw await editionNotFound(db, String(editionYear));
  }
  const sqlRows = await db.$queryRaw<SqlRow[]>(monitoringSql(editionYear ?? null, now));
  const rows = sqlRows.map((row) => ({
    ...row,
    remainingCents: payableCents({
      awardedCents: row.awardedCents,
      agreementCents: row.agreementCents,
      justifiedCents: row.justifiedCents,
      paidCents: row.paidCents,
    }),
  }));
  return { editionYear: editionYear ?? null, generatedAt: now, rows, totals: sumReportTotals(rows) };
}

function monitoringSql(editionYear: number | null, now: Date): Prisma.Sql {
  const editionFilter = editionYear === null ? Prisma.sql`TRUE` : Prisma.sql`e."year" = ${editionYear}`;
  return Prisma.sql`
    WITH agreement AS (
      SELECT DISTINCT ON (a."projectId") a."projectId", a."amountCents", a."sentAt", a."departmentSignedAt"
      FROM "Agreement" a WHERE a."status" <> 'CANCELLED'
      ORDER BY a."projectId", a."draftedAt" DESC, a."id" DESC
    ), paid AS (
      SELECT y."projectId", SUM(y."amountCents")::int AS cents, MAX(y."sentAt") AS "lastAt"
      FROM "Payment" y WHERE y."status" = 'SENT' GROUP BY y."projectId"
    ), latest_check AS (
      SELECT DISTINCT ON (c."invoiceId") c."invoiceId", c."eligibleCents", c."outcome"
      FROM "InvoiceCheck" c ORDER BY c."invoiceId", c."checkedAt" DESC, c."id" DESC
    ), justified AS (
      SELECT i."projectId", SUM(lc."eligibleCents")::int AS cents
      FROM "Invoice" i JOIN latest_check lc ON lc."invoiceId" = i."id"
      WHERE i."cancelledAt" IS NULL AND lc."outcome" = 'COMPLIANT' GROUP BY i."projectId"
    )
    SELECT p."reference", e."year" AS "editionYear", p."title", t."name" AS "theme", co."name" AS "commune",
      ca."name" AS "canton", p."isYouth", h."name" AS "holderName", h."kind"::text AS "holderKind",
      p."status"::text AS "status", p."votes", p."awardedCents", ag."amountCents" AS "agreementCents",
      COALESCE(paid.cents, 0) AS "paidCents", COALESCE(justified.cents, 0) AS "justifiedCents",
      ag."sentAt" AS "agreementSentAt", ag."departmentSignedAt" AS "agreementSignedAt",
      paid."lastAt" AS "lastPaymentAt", p."inauguratedAt", p."reportDueAt", p."reportReceivedAt",
      ${lateProjectSql(now)} AS "late"
    FROM "Project" p
    JOIN "Edition" e ON e."id" = p."editionId"
    JOIN "Canton" ca ON ca."id" = p."cantonId"
    JOIN "Holder" h ON h."id" = p."holderId"
    LEFT JOIN "Theme" t ON t."id" = p."themeId"
    LEFT JOIN "Commune" co ON co."id" = p."communeId"
    LEFT JOIN agreement ag ON ag."projectId" = p."id"
    LEFT JOIN paid ON paid."projectId" = p."id"
    LEFT JOIN justified ON justified."projectId" = p."id"
    WHERE ${editionFilter}
    ORDER BY e."year", p."number", p."id"`;
}
