import { formatDateTime } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import type { Dashboard, LateStep } from "../../domain/reports/build-dashboard.ts";
import type { ReportTotals } from "../../domain/reports/sum-report-totals.ts";

/** French name of each step a project can be late on (the rule of `lateProjectWhere`). */
export const lateStepLabels: Record<LateStep, string> = {
  agreement: "Convention envoyée, non signée depuis plus de 15 jours",
  payment: "Versement prévu, pas encore fait",
  report: "Bilan n+1 attendu, non reçu",
  closing: "Réalisé, bilan n+1 échu : à clore",
};

const eventKindLabels: Record<Dashboard["upcomingEvents"][number]["kind"], string> = {
  INAUGURATION: "Inauguration",
  PUBLIC_MEETING: "Réunion publique",
  CITIZENS_COMMISSION: "Commission citoyenne",
  VOTE_COUNT: "Dépouillement",
  WORKSHOP: "Atelier",
  STAND: "Stand",
  OTHER: "Autre",
};

function money(totals: ReportTotals) {
  return {
    count: totals.count,
    awardedCents: totals.awardedCents,
    awarded: formatEuros(totals.awardedCents),
    paid: formatEuros(totals.paidCents),
    justified: formatEuros(totals.justifiedCents),
    remaining: formatEuros(totals.remainingCents),
  };
}

/**
 * The dashboard as the tab's script reads it: every label, amount and date already in
 * French (the browser only lays them out), cents kept where a chart needs numbers.
 */
export function dashboardJson(dashboard: Dashboard) {
  const { totals, late } = dashboard;
  return {
    filters: dashboard.filters,
    choices: dashboard.choices,
    all: money(totals.all),
    byStatus: totals.byStatus.map((line) => ({ status: line.status, label: line.label, ...money(line) })),
    byCanton: totals.byCanton.map((line) => ({ label: line.label, ...money(line) })),
    byTheme: totals.byTheme.map((line) => ({ label: line.label, ...money(line) })),
    byYouth: totals.byYouth.map((line) => ({ label: line.label, ...money(line) })),
    late: {
      count: late.projects.length,
      byStep: (Object.keys(lateStepLabels) as LateStep[]).map((step) => ({
        step,
        label: lateStepLabels[step],
        count: late.byStep[step],
      })),
      projects: late.projects.map((p) => ({ ...p, steps: p.steps.map((s) => lateStepLabels[s]) })),
    },
    projects: dashboard.projects.map((p) => ({
      ...p,
      statusLabel: projectStatusLabels[p.status],
      awarded: formatEuros(p.awardedCents),
    })),
    upcomingEvents: dashboard.upcomingEvents.map((e) => ({
      kind: eventKindLabels[e.kind],
      title: e.title,
      when: formatDateTime(e.startsAt),
      projectReference: e.projectReference,
    })),
    failedEmails: {
      count: dashboard.failedEmails.count,
      latest: dashboard.failedEmails.latest.map((n) => ({
        template: n.template,
        recipientName: n.recipientName,
        projectReference: n.projectReference,
        when: formatDateTime(n.at),
      })),
    },
  };
}
