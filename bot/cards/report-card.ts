import { formatDateTime } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import type { MonitoringReport } from "../../domain/reports/build-monitoring-report.ts";
import type { ReportFormat } from "../../domain/reports/report-file-name.ts";
import { REPORT_LINK_HOURS } from "../../domain/reports/report-token.ts";

const projects = (count: number) => `${count.toLocaleString("fr-FR")} projet${count > 1 ? "s" : ""}`;

function editionTitle(report: MonitoringReport): string {
  return report.editionYear === null ? "toutes les éditions" : `édition ${report.editionYear}`;
}

/**
 * The `rapport` answer: counts and amounts per status and the totals, in French format,
 * with the links to download the full workbook and CSV (Adaptive Card 1.5).
 */
export function buildReportCard(
  report: MonitoringReport,
  links: Record<ReportFormat, string>,
): Record<string, unknown> {
  const { all, byStatus, byYouth } = report.totals;
  const youth = byYouth.find((line) => line.label === "Projets jeunes")?.count ?? 0;
  const late = report.rows.filter((row) => row.late).length;
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: `Rapport de suivi — ${editionTitle(report)}`,
        size: "Large",
        weight: "Bolder",
        wrap: true,
      },
      {
        type: "TextBlock",
        text: `${projects(all.count)} · situation au ${formatDateTime(report.generatedAt)}`,
        isSubtle: true,
        wrap: true,
        spacing: "None",
      },
      { type: "TextBlock", text: "Par statut", weight: "Bolder", size: "Medium", spacing: "Medium", wrap: true },
      byStatus.length
        ? {
            type: "FactSet",
            facts: byStatus.map((line) => ({
              title: `${line.label} (${line.count})`,
              value: `${formatEuros(line.awardedCents)} attribués · ${formatEuros(line.paidCents)} versés · ${formatEuros(line.justifiedCents)} justifiés`,
            })),
          }
        : { type: "TextBlock", text: "Aucun projet.", isSubtle: true, wrap: true },
      { type: "TextBlock", text: "Totaux", weight: "Bolder", size: "Medium", spacing: "Medium", wrap: true },
      {
        type: "FactSet",
        facts: [
          {
            title: "Projets",
            value: `${all.count.toLocaleString("fr-FR")} dont ${youth.toLocaleString("fr-FR")} jeunes`,
          },
          { title: "Montant attribué", value: formatEuros(all.awardedCents) },
          { title: "Versé", value: formatEuros(all.paidCents) },
          { title: "Justifié", value: formatEuros(all.justifiedCents) },
          { title: "Reste à verser", value: formatEuros(all.remainingCents) },
          { title: "En retard", value: projects(late) },
        ],
      },
      {
        type: "TextBlock",
        text: `Le détail par projet, thème et canton est dans le classeur. Liens valables ${REPORT_LINK_HOURS} h ; le fichier est recalculé à chaque téléchargement.`,
        isSubtle: true,
        size: "Small",
        wrap: true,
        spacing: "Medium",
      },
    ],
    actions: [
      { type: "Action.OpenUrl", title: "Télécharger le classeur Excel", url: links.xlsx },
      { type: "Action.OpenUrl", title: "Télécharger le CSV", url: links.csv },
    ],
  };
}

/** The card's text fallback (notifications, screen readers). */
export function reportCardSummary(report: MonitoringReport): string {
  const { all } = report.totals;
  return `Rapport de suivi (${editionTitle(report)}) : ${projects(all.count)}, ${formatEuros(all.awardedCents)} attribués, ${formatEuros(all.paidCents)} versés, ${formatEuros(all.justifiedCents)} justifiés.`;
}
