import { writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "../domain/config/load-config.ts";
import { DomainError } from "../domain/errors/domain-error.ts";
import { formatEuros } from "../domain/money/format-euros.ts";
import { buildMonitoringReport } from "../domain/reports/build-monitoring-report.ts";
import { reportFileName } from "../domain/reports/report-file-name.ts";
import { writeReportCsv } from "../domain/reports/write-report-csv.ts";
import { writeReportWorkbook } from "../domain/reports/write-report-workbook.ts";
import { createDb } from "../prisma/create-db.ts";

/**
 * `npm run report -- 2022 --out rapport.xlsx`: the rapport de suivi of an edition (every
 * edition without one) as an Excel workbook; `--csv` (or an `--out` ending in .csv)
 * writes the CSV for French Excel instead. Without `--out`, the file is named
 * `rapport-suivi-<édition>-<date>` in the current folder.
 */
const USAGE = "Usage : npm run report -- [édition] [--out fichier.xlsx] [--csv]";
const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { out: { type: "string", short: "o" }, csv: { type: "boolean", default: false } },
  allowPositionals: true,
});
const [editionText, ...extra] = positionals;
if (extra.length > 0 || (editionText !== undefined && !/^\d{4}$/.test(editionText))) {
  console.log(USAGE);
  process.exit(2);
}
const editionYear = editionText === undefined ? null : Number(editionText);
const format = values.csv || values.out?.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
const config = loadConfig(process.env);
const db = createDb({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 2 });
try {
  const now = new Date();
  const report = await buildMonitoringReport(db, { editionYear, now });
  const out = values.out ?? reportFileName(editionYear, format, now);
  const file =
    format === "xlsx"
      ? await writeReportWorkbook(report, { generatedBy: `npm run report (${userInfo().username})` })
      : writeReportCsv(report);
  await writeFile(out, file);
  const { all } = report.totals;
  console.log(
    `Rapport de suivi écrit dans ${out} : ${all.count} projets, ${formatEuros(all.awardedCents)} attribués, ${formatEuros(all.paidCents)} versés, ${formatEuros(all.justifiedCents)} justifiés.`,
  );
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.log(error.frenchMessage.replace(/\*\*/g, ""));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
