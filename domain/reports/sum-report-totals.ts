import { ProjectStatus } from "../../prisma/generated/enums.ts";
import { projectStatusLabels } from "../projects/status-labels.ts";
import type { MonitoringRow } from "./build-monitoring-report.ts";

/** Counts and sums (integer cents) of a group of projects. */
export interface ReportTotals {
  count: number;
  awardedCents: number;
  paidCents: number;
  justifiedCents: number;
  remainingCents: number;
}

/** One group of a breakdown: its French label and its totals. */
export interface TotalsLine extends ReportTotals {
  label: string;
}

export interface MonitoringTotals {
  all: ReportTotals;
  /** Lifecycle order (Lauréat first), statuses without projects left out. */
  byStatus: (TotalsLine & { status: ProjectStatus })[];
  /** Alphabetical; themes of the same name in several editions are one group. */
  byTheme: TotalsLine[];
  byCanton: TotalsLine[];
  /** « Projets jeunes » then « Autres projets ». */
  byYouth: TotalsLine[];
}

export const NO_THEME_LABEL = "Sans thème";
export const YOUTH_LABELS = { youth: "Projets jeunes", other: "Autres projets" } as const;

const emptyTotals = (): ReportTotals => ({
  count: 0,
  awardedCents: 0,
  paidCents: 0,
  justifiedCents: 0,
  remainingCents: 0,
});

function add(totals: ReportTotals, row: MonitoringRow): void {
  totals.count += 1;
  totals.awardedCents += row.awardedCents;
  totals.paidCents += row.paidCents;
  totals.justifiedCents += row.justifiedCents;
  totals.remainingCents += row.remainingCents;
}

function groupBy(rows: MonitoringRow[], labelOf: (row: MonitoringRow) => string): Map<string, ReportTotals> {
  const groups = new Map<string, ReportTotals>();
  for (const row of rows) {
    const label = labelOf(row);
    const totals = groups.get(label) ?? emptyTotals();
    add(totals, row);
    groups.set(label, totals);
  }
  return groups;
}

const frenchOrder = new Intl.Collator("fr-FR", { numeric: true, sensitivity: "base" });

function sortedLines(groups: Map<string, ReportTotals>): TotalsLine[] {
  return [...groups.entries()]
    .sort(([a], [b]) => frenchOrder.compare(a, b))
    .map(([label, totals]) => ({ label, ...totals }));
}

/**
 * The breakdowns the elected officials read first: by status, theme, canton and youth,
 * plus the grand total. Computed from the rows already read (no second query).
 */
export function sumReportTotals(rows: MonitoringRow[]): MonitoringTotals {
  const all = emptyTotals();
  for (const row of rows) add(all, row);
  const byStatusMap = groupBy(rows, (row) => row.status);
  const byStatus = Object.values(ProjectStatus).flatMap((status) => {
    const totals = byStatusMap.get(status);
    return totals ? [{ status, label: projectStatusLabels[status], ...totals }] : [];
  });
  const byYouthMap = groupBy(rows, (row) => (row.isYouth ? YOUTH_LABELS.youth : YOUTH_LABELS.other));
  return {
    all,
    byStatus,
    byTheme: sortedLines(groupBy(rows, (row) => row.theme ?? NO_THEME_LABEL)),
    byCanton: sortedLines(groupBy(rows, (row) => row.canton)),
    byYouth: [YOUTH_LABELS.youth, YOUTH_LABELS.other].flatMap((label) => {
      const totals = byYouthMap.get(label);
      return totals ? [{ label, ...totals }] : [];
    }),
  };
}
