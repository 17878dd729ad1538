import ExcelJS from "exceljs";
import { formatDateTime } from "../dates/format-date.ts";
import { dateOnly } from "../dates/paris-time.ts";
import type { MonitoringReport } from "./build-monitoring-report.ts";
import { reportColumns, yesNo } from "./report-columns.ts";
import type { ReportTotals, TotalsLine } from "./sum-report-totals.ts";

/** Excel's number format for euros, French style once Excel applies the French locale. */
export const EURO_FORMAT = "#,##0.00 €";
export const DATE_FORMAT = "dd/mm/yyyy";

const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE9EC" } };

/**
 * The rapport de suivi as an Excel workbook the agents can sort, filter and sum:
 * « Projets » (one row per project, amounts as numbers in euros, dates as real dates),
 * « Totaux » (by status, theme, canton, youth) and « Informations » (edition, when, by
 * whom). Dates are the Paris calendar day, written as Excel dates (which have no time
 * zone), so a convention signed on 3 June at 00:30 in Paris reads 03/06, not 02/06.
 */
export async function writeReportWorkbook(
  report: MonitoringReport,
  { generatedBy }: { generatedBy: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Assistant BPC40";
  workbook.created = report.generatedAt;
  addProjectsSheet(workbook, report);
  addTotalsSheet(workbook, report);
  addInformationSheet(workbook, report, generatedBy);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addProjectsSheet(workbook: ExcelJS.Workbook, report: MonitoringReport): void {
  const sheet = workbook.addWorksheet("Projets", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = reportColumns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of report.rows) {
    sheet.addRow(
      reportColumns.map((c) => {
        const value = c.value(row);
        if (value === null) return null;
        if (c.kind === "money") return (value as number) / 100;
        if (c.kind === "date") return dateOnly(value as Date);
        if (c.kind === "yesNo") return yesNo(value as boolean);
        return value;
      }),
    );
  }
  reportColumns.forEach((c, index) => {
    const numFmt = c.kind === "money" ? EURO_FORMAT : c.kind === "date" ? DATE_FORMAT : undefined;
    if (numFmt) sheet.getColumn(index + 1).numFmt = numFmt;
  });
  styleHeader(sheet.getRow(1));
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sheet.rowCount), column: reportColumns.length },
  };
}

const TOTALS_HEADER = ["", "Projets", "Montant attribué", "Versé", "Justifié", "Reste à verser"];

function addTotalsSheet(workbook: ExcelJS.Workbook, report: MonitoringReport): void {
  const sheet = workbook.addWorksheet("Totaux");
  sheet.columns = [{ width: 32 }, { width: 10 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }];
  const { totals } = report;
  const sections: [string, TotalsLine[]][] = [
    ["Par statut", totals.byStatus],
    ["Par thème", totals.byTheme],
    ["Par canton", totals.byCanton],
    ["Projets jeunes", totals.byYouth],
  ];
  for (const [title, lines] of sections) {
    styleHeader(sheet.addRow([title, ...TOTALS_HEADER.slice(1)]));
    for (const line of lines) sheet.addRow(totalsCells(line.label, line));
    sheet.addRow([]);
  }
  const total = sheet.addRow(totalsCells("Total", totals.all));
  total.font = BOLD;
  for (const column of [3, 4, 5, 6]) sheet.getColumn(column).numFmt = EURO_FORMAT;
}

function totalsCells(label: string, totals: ReportTotals): (string | number)[] {
  return [
    label,
    totals.count,
    totals.awardedCents / 100,
    totals.paidCents / 100,
    totals.justifiedCents / 100,
    totals.remainingCents / 100,
  ];
}

function addInformationSheet(workbook: ExcelJS.Workbook, report: MonitoringReport, generatedBy: string): void {
  const sheet = workbook.addWorksheet("Informations");
  sheet.columns = [{ width: 22 }, { width: 60 }];
  const rows: [string, string | number][] = [
    ["Rapport", "Rapport de suivi du Budget participatif citoyen des Landes"],
    ["Édition", report.editionYear ?? "Toutes les éditions"],
    ["Généré le", formatDateTime(report.generatedAt)],
    ["Par", generatedBy],
    ["Projets", report.rows.length],
    ["Montants", "en euros ; « Justifié » : factures dont le dernier contrôle est conforme"],
    ["Dates", "jour de Paris (jj/mm/aaaa)"],
  ];
  for (const row of rows) sheet.addRow(row).getCell(1).font = BOLD;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = BOLD;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
}
