import type { DbTx } from "../../prisma/create-db.ts";
import { Prisma } from "../../prisma/generated/client.ts";
import type { EventKind, ProjectStatus } from "../../prisma/generated/enums.ts";
import { lateThresholds } from "../projects/late-conditions.ts";
import { buildMonitoringReport, type MonitoringRow } from "./build-monitoring-report.ts";
import { type MonitoringTotals, sumReportTotals } from "./sum-report-totals.ts";

/** What the agent chose on the tab; unset fields do not filter. */
export interface DashboardFilters {
  editionYear: number;
  canton?: string | undefined;
  theme?: string | undefined;
  /** True: youth projects only; false: the others only. */
  youth?: boolean | undefined;
}

/** The step a late project is stuck on, by the rule of `lateProjectWhere`. */
export type LateStep = "agreement" | "payment" | "report" | "closing";

export interface LateProject {
  reference: string;
  title: string;
  canton: string;
  steps: LateStep[];
}

export interface DashboardProject {
  reference: string;
  title: string;
  canton: string;
  status: ProjectStatus;
  isYouth: boolean;
  awardedCents: number;
  late: boolean;
}

export interface Dashboard {
  filters: DashboardFilters;
  /** What the filters can be set to: editions on record, this edition's cantons and themes. */
  choices: { editions: number[]; cantons: string[]; themes: string[] };
  totals: MonitoringTotals;
  late: { byStep: Record<LateStep, number>; projects: LateProject[] };
  /** The filtered projects, by reference; at most `PROJECT_LIST_LIMIT`. */
  projects: DashboardProject[];
  upcomingEvents: { kind: EventKind; title: string; startsAt: Date; projectReference: string | null }[];
  failedEmails: {
    count: number;
    latest: { template: string; recipientName: string | null; projectReference: string | null; at: Date }[];
  };
}

/** The tab lists this many projects at most (10 000 rows would be unreadable anyway). */
export const PROJECT_LIST_LIMIT = 200;
const LIST_LIMIT = 20;

/**
 * The figures of the Teams tab for one edition and the agent's filters. The per-project
 * sums come from the rapport de suivi's single SQL statement (`buildMonitoringReport`),
 * so the tab and the report always agree; the late steps, events and failed e-mails
 * are one query each. Throws `EDITION_NOT_FOUND`.
 */
export async function buildDashboard(db: DbTx, filters: DashboardFilters, now: Date): Promise<Dashboard> {
  const report = await buildMonitoringReport(db, { editionYear: filters.editionYear, now });
  const rows = report.rows.filter((row) => matches(row, filters));
  const [editions, late, upcomingEvents, failedEmails] = await Promise.all([
    db.edition.findMany({ select: { year: true }, orderBy: { year: "desc" } }),
    lateByStep(db, filters, now),
    readUpcomingEvents(db, filters.editionYear, now),
    readFailedEmails(db),
  ]);
  const distinct = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b, "fr"));
  return {
    filters,
    choices: {
      editions: editions.map((e) => e.year),
      cantons: distinct(report.rows.map((r) => r.canton)),
      themes: distinct(report.rows.map((r) => r.theme)),
    },
    totals: sumReportTotals(rows),
    late,
    projects: rows.slice(0, PROJECT_LIST_LIMIT).map((row) => ({
      reference: row.reference,
      title: row.title,
      canton: row.canton,
      status: row.status,
      isYouth: row.isYouth,
      awardedCents: row.awardedCents,
      late: row.late,
    })),
    upcomingEvents,
    failedEmails,
  };
}

function matches(row: MonitoringRow, filters: DashboardFilters): boolean {
  return (
    (!filters.canton || row.canton === filters.canton) &&
    (!filters.theme || row.theme === filters.theme) &&
    (filters.youth === undefined || row.isYouth === filters.youth)
  );
}

type LateRow = { reference: string; title: string; canton: string } & Record<LateStep, boolean>;

/** Each branch of `lateProjectSql`, named, for the projects of the filters. */
async function lateByStep(db: DbTx, filters: DashboardFilters, now: Date): Promise<Dashboard["late"]> {
  const t = lateThresholds(now);
  const conditions = [Prisma.sql`e."year" = ${filters.editionYear}`];
  if (filters.canton) conditions.push(Prisma.sql`ca."name" = ${filters.canton}`);
  if (filters.theme) conditions.push(Prisma.sql`th."name" = ${filters.theme}`);
  if (filters.youth !== undefined) conditions.push(Prisma.sql`p."isYouth" = ${filters.youth}`);
  const rows = await db.$queryRaw<LateRow[]>`
    SELECT * FROM (
      SELECT p."reference", p."title", ca."name" AS "canton", p."number",
        EXISTS (SELECT 1 FROM "Agreement" a WHERE a."projectId" = p."id" AND a."status" = 'SENT'
          AND a."sentAt" < ${t.agreementSentBefore}) AS "agreement",
        EXISTS (SELECT 1 FROM "Payment" y WHERE y."projectId" = p."id" AND y."status" = 'PLANNED'
          AND y."plannedAt" < ${t.paymentPlannedBefore}) AS "payment",
        (p."reportDueAt" < ${t.reportDueBefore} AND p."reportReceivedAt" IS NULL) AS "report",
        (p."status" IN ('COMPLETED', 'INAUGURATED') AND p."reportDueAt" < ${t.reportDueBefore}) AS "closing"
      FROM "Project" p
      JOIN "Edition" e ON e."id" = p."editionId"
      JOIN "Canton" ca ON ca."id" = p."cantonId"
      LEFT JOIN "Theme" th ON th."id" = p."themeId"
      WHERE p."status" NOT IN ('CLOSED', 'ABANDONED') AND ${Prisma.join(conditions, " AND ")}
    ) x
    WHERE x."agreement" OR x."payment" OR x."report" IS TRUE OR x."closing" IS TRUE
    ORDER BY x."number", x."reference"`;
  const steps: LateStep[] = ["agreement", "payment", "report", "closing"];
  const byStep = { agreement: 0, payment: 0, report: 0, closing: 0 };
  const projects = rows.map((row) => {
    const on = steps.filter((step) => row[step] === true);
    for (const step of on) byStep[step] += 1;
    return { reference: row.reference, title: row.title, canton: row.canton, steps: on };
  });
  return { byStep, projects };
}

/** Planned events from now on: the edition's projects' and those tied to no project (campaign events). */
async function readUpcomingEvents(db: DbTx, editionYear: number, now: Date) {
  const events = await db.event.findMany({
    where: {
      status: "PLANNED",
      startsAt: { gte: now },
      OR: [{ projectId: null }, { project: { edition: { year: editionYear } } }],
    },
    select: { kind: true, title: true, startsAt: true, project: { select: { reference: true } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
  });
  return events.map(({ project, ...event }) => ({ ...event, projectReference: project?.reference ?? null }));
}

/** Every edition's: a failed e-mail needs an agent whatever the filters. */
async function readFailedEmails(db: DbTx): Promise<Dashboard["failedEmails"]> {
  const where = { status: "FAILED" as const };
  const [count, latest] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      select: { template: true, recipientName: true, updatedAt: true, project: { select: { reference: true } } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: LIST_LIMIT,
    }),
  ]);
  return {
    count,
    latest: latest.map((n) => ({
      template: n.template,
      recipientName: n.recipientName,
      projectReference: n.project?.reference ?? null,
      at: n.updatedAt,
    })),
  };
}
