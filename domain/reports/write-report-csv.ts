import { formatShortDate } from "../dates/format-date.ts";
import type { MonitoringReport } from "./build-monitoring-report.ts";
import { reportColumns, yesNo } from "./report-columns.ts";

const BOM = "\uFEFF";
const SEPARATOR = ";";
const LINE_END = "\r\n";

/**
 * The rapport de suivi's project rows as the CSV French Excel opens with a double
 * click: `;` between fields, UTF-8 with a BOM (without it Excel reads Windows-1252 and
 * mangles the accents), CRLF line ends, amounts with a decimal comma and no thousands
 * separator (`25400,50`, which Excel reads as a number), dates `dd/mm/yyyy` (Paris day),
 * fields quoted per RFC 4180 when they hold `;`, `"` or a line break.
 */
export function writeReportCsv(report: MonitoringReport): Buffer {
  const lines = [reportColumns.map((c) => quoteField(c.header))];
  for (const row of report.rows) {
    lines.push(
      reportColumns.map((c) => {
        const value = c.value(row);
        if (value === null) return "";
        if (c.kind === "money") return formatCentsForCsv(value as number);
        if (c.kind === "date") return formatShortDate(value as Date);
        if (c.kind === "yesNo") return yesNo(value as boolean);
        return quoteField(defuseFormula(String(value)));
      }),
    );
  }
  return Buffer.from(BOM + lines.map((fields) => fields.join(SEPARATOR) + LINE_END).join(""), "utf8");
}

/** `2540050` → `25400,50`; `-5` → `-0,05` (integer arithmetic, never a float rounding). */
export function formatCentsForCsv(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/**
 * A title typed by a citizen that starts like a formula (`=`, `+`, `@`, `-1…`) would be
 * run by Excel when the CSV opens (CSV injection): a leading apostrophe keeps it text.
 */
export function defuseFormula(text: string): string {
  return /^([=+@\t\r]|-[^\s])/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when needed, inner quotes doubled. */
export function quoteField(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
