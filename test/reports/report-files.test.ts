import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime, formatShortDate } from "../../domain/dates/format-date.ts";
import { dateOnly, parisTime } from "../../domain/dates/paris-time.ts";
import { parseCsv } from "../../domain/import/parse-csv.ts";
import { buildMonitoringReport, type MonitoringReport } from "../../domain/reports/build-monitoring-report.ts";
import { reportColumns } from "../../domain/reports/report-columns.ts";
import { sumReportTotals } from "../../domain/reports/sum-report-totals.ts";
import { writeReportCsv } from "../../domain/reports/write-report-csv.ts";
import { DATE_FORMAT, EURO_FORMAT, writeReportWorkbook } from "../../domain/reports/write-report-workbook.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const headers = reportColumns.map((c) => c.header);
let schema: FreshSchema;
let report: MonitoringReport;

beforeAll(async () => {
  schema = await freshSchema("report_files");
  await seed(schema.db, { now: NOW });
  report = await buildMonitoringReport(schema.db, { editionYear: 2022, now: NOW });
});
afterAll(async () => {
  await schema?.drop();
});

/** Project 2022-017 and the rows behind its amounts and dates, read without the report's code. */
async function skatepark() {
  const project = await schema.db.project.findUniqueOrThrow({
    where: { reference: "2022-017" },
    include: {
      agreements: { where: { status: { not: "CANCELLED" } }, orderBy: { draftedAt: "desc" }, take: 1 },
      payments: { where: { status: "SENT" } },
    },
  });
  const agreement = project.agreements[0];
  if (!agreement?.sentAt) throw new Error("seed: 2022-017 should have a sent convention");
  return { project, agreement, sentAt: agreement.sentAt };
}

/** SQL sums of edition 2022 (in cents). */
async function sums() {
  const [row] = await schema.db.$queryRaw<{ awarded: bigint; paid: bigint }[]>`
    SELECT (SELECT SUM(p."awardedCents") FROM "Project" p JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = 2022) AS awarded,
      (SELECT COALESCE(SUM(y."amountCents"), 0) FROM "Payment" y JOIN "Project" p ON p.id = y."projectId"
        JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = 2022 AND y.status = 'SENT') AS paid`;
  return { awardedCents: Number(row?.awarded), paidCents: Number(row?.paid) };
}

describe("the workbook", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeReportWorkbook(report, { generatedBy: "Marie Lafitte" })) as unknown as ArrayBuffer,
    );
  });

  it("has the three sheets, a bold frozen header and an auto filter over every row", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Projets", "Totaux", "Informations"]);
    const sheet = workbook.getWorksheet("Projets");
    expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual(headers);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.autoFilter).toBe(`A1:W${report.rows.length + 1}`);
    expect(sheet?.rowCount).toBe(report.rows.length + 1);
    expect(sheet?.getColumn(3).width).toBeGreaterThan(30);
  });

  it("writes 2022-017's amounts as euro numbers and its dates as Excel dates", async () => {
    const { project, agreement, sentAt } = await skatepark();
    const sheet = workbook.getWorksheet("Projets");
    let found: ExcelJS.Row | undefined;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === "2022-017") found = row;
    });
    const cell = (header: string) => found?.getCell(headers.indexOf(header) + 1);
    expect(cell("Titre")?.value).toBe(project.title);
    expect(cell("Édition")?.value).toBe(2022);
    expect(cell("Montant attribué")?.value).toBe(project.awardedCents / 100);
    expect(cell("Montant attribué")?.numFmt).toBe(EURO_FORMAT);
    expect(cell("Montant conventionné")?.value).toBe(agreement.amountCents / 100);
    expect(cell("Versé")?.value).toBe(project.payments.reduce((n, p) => n + p.amountCents, 0) / 100);
    expect(typeof cell("Justifié")?.value).toBe("number");
    const sent = cell("Convention envoyée le");
    expect(sent?.value).toBeInstanceOf(Date);
    expect(sent?.value).toEqual(dateOnly(sentAt));
    expect(sent?.numFmt).toBe(DATE_FORMAT);
    expect(cell("Projet jeune")?.value).toBe(project.isYouth ? "oui" : "non");
  });

  it("puts totals equal to the SQL sums in « Totaux », and who and when in « Informations »", async () => {
    const expected = await sums();
    const totals = workbook.getWorksheet("Totaux");
    const last = totals?.getRow(totals.rowCount);
    expect(last?.getCell(1).value).toBe("Total");
    expect(last?.getCell(2).value).toBe(45);
    expect(last?.getCell(3).value).toBe(expected.awardedCents / 100);
    expect(last?.getCell(4).value).toBe(expected.paidCents / 100);
    expect(last?.getCell(3).numFmt).toBe(EURO_FORMAT);
    const firstColumn: unknown[] = [];
    totals?.eachRow((row) => firstColumn.push(row.getCell(1).value));
    expect(firstColumn).toEqual(
      expect.arrayContaining(["Par statut", "Par thème", "Par canton", "Projets jeunes", "Adour Armagnac"]),
    );
    const info = new Map<unknown, unknown>();
    workbook.getWorksheet("Informations")?.eachRow((row) => info.set(row.getCell(1).value, row.getCell(2).value));
    expect(info.get("Édition")).toBe(2022);
    expect(info.get("Généré le")).toBe(formatDateTime(NOW));
    expect(info.get("Par")).toBe("Marie Lafitte");
  });
});

describe("the CSV", () => {
  it("is UTF-8 with BOM, `;`-separated, CRLF, with decimal commas and dd/mm/yyyy dates", async () => {
    const bytes = writeReportCsv(report);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const records = parseCsv(text, ";").filter((r) => r.cells.join("") !== "");
    expect(records).toHaveLength(report.rows.length + 1);
    expect(records[0]?.cells).toEqual(headers);
    const { project, sentAt } = await skatepark();
    const row = records.find((r) => r.cells[0] === "2022-017")?.cells ?? [];
    const field = (header: string) => row[headers.indexOf(header)];
    expect(field("Titre")).toBe(project.title);
    expect(field("Montant attribué")).toBe(
      `${Math.floor(project.awardedCents / 100)},${String(project.awardedCents % 100).padStart(2, "0")}`,
    );
    expect(field("Montant attribué")).toMatch(/^\d+,\d{2}$/);
    expect(field("Convention envoyée le")).toBe(formatShortDate(sentAt));
    expect(field("Convention envoyée le")).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const sumOf = (header: string) =>
      records
        .slice(1)
        .reduce((n, r) => n + Math.round(Number((r.cells[headers.indexOf(header)] ?? "0").replace(",", ".")) * 100), 0);
    expect(sumOf("Montant attribué")).toBe((await sums()).awardedCents);
  });

  it("quotes per RFC 4180 and defuses what Excel would run as a formula", () => {
    const [first] = report.rows;
    if (!first) throw new Error("no row");
    const rows = [
      { ...first, title: 'Le "grand" projet; phase 2\r\nsuite', commune: null },
      { ...first, title: '=HYPERLINK("http://exemple.invalid")', awardedCents: 5 },
    ];
    const text = writeReportCsv({ ...report, rows, totals: sumReportTotals(rows) }).toString("utf8");
    const records = parseCsv(text.slice(1), ";");
    const title = headers.indexOf("Titre");
    expect(records[1]?.cells[title]).toBe('Le "grand" projet; phase 2\r\nsuite');
    expect(text).toContain('"Le ""grand"" projet; phase 2\r\nsuite"');
    expect(records[1]?.cells[headers.indexOf("Commune")]).toBe("");
    expect(records[2]?.cells[title]).toBe('\'=HYPERLINK("http://exemple.invalid")');
    expect(records[2]?.cells[headers.indexOf("Montant attribué")]).toBe("0,05");
  });
});

describe("npm run report", () => {
  it("writes the workbook, or the CSV with --csv, where --out says", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bpc40-report-"));
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/report.ts", ...args], {
        env: { ...process.env, DATABASE_URL: schema.databaseUrl, DATABASE_SCHEMA: schema.schema, NODE_ENV: "test" },
      });
    try {
      const xlsx = await run("2022", "--out", join(dir, "rapport.xlsx"));
      expect(xlsx.stdout).toContain("Rapport de suivi écrit dans");
      expect(xlsx.stdout).toContain("45 projets");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(join(dir, "rapport.xlsx"))) as unknown as ArrayBuffer);
      expect(workbook.getWorksheet("Projets")?.rowCount).toBe(46);
      await run("2022", "--csv", "--out", join(dir, "rapport.txt"));
      expect((await readFile(join(dir, "rapport.txt"), "utf8")).startsWith("\uFEFFRéférence;Édition;")).toBe(true);
      const unknown = await run("2023").catch((error: { code: number; stdout: string }) => error);
      expect(unknown).toMatchObject({
        code: 1,
        stdout: expect.stringContaining("Je ne connais pas l'édition « 2023 »"),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
