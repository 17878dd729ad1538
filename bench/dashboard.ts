/**
 * Benchmark (issue 7, "fast on 10 000 projects"): the dashboard's figures and the
 * rapport de suivi for one edition of 9 999 projects (bench database, see
 * bench/support/make-projects.ts), side by side with a baseline in the same run: a plain
 * SQL read of the same projects' rows. Usage: npm run bench:dashboard
 */
import { cpus, hostname, totalmem } from "node:os";
import pg from "pg";
import { loadConfig } from "../domain/config/load-config.ts";
import { buildDashboard } from "../domain/reports/build-dashboard.ts";
import { buildMonitoringReport } from "../domain/reports/build-monitoring-report.ts";
import { writeReportWorkbook } from "../domain/reports/write-report-workbook.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb } from "../prisma/create-db.ts";
import { isDatabaseEmpty, seed } from "../prisma/seed.ts";
import { makeProjects } from "./support/make-projects.ts";
import { percentile } from "./support/percentiles.ts";
import { writeResults } from "./support/write-results.ts";

const RUNS = 15;
const config = loadConfig(process.env);
const url = new URL(config.DATABASE_URL);
url.pathname = "/bpc40_bench";
await applyMigrations({ databaseUrl: url.toString() });
const db = createDb({ databaseUrl: url.toString(), max: 4 });
if (await isDatabaseEmpty(db)) await seed(db);
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
await makeProjects(client, 100_000);
const edition = 2031;
const count = Number(
  (
    await client.query(
      `SELECT count(*) AS n FROM "Project" p JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = $1`,
      [edition],
    )
  ).rows[0].n,
);
const now = new Date();

async function time(run: () => Promise<unknown>): Promise<{ p50: number; max: number }> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), max: Math.max(...samples) };
}

const baseline = await time(() =>
  client.query(`SELECT p.* FROM "Project" p JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = $1`, [edition]),
);
const dashboard = await time(() => buildDashboard(db, { editionYear: edition }, now));
const filtered = await time(() => buildDashboard(db, { editionYear: edition, youth: true, canton: "Dax-1" }, now));
const report = await time(() => buildMonitoringReport(db, { editionYear: edition, now }));
const workbook = await time(async () =>
  writeReportWorkbook(await buildMonitoringReport(db, { editionYear: edition, now }), { generatedBy: "bench" }),
);
await client.end();
await db.$disconnect();

const ms = (n: number) => n.toFixed(1).replace(".", ",");
const row = (label: string, t: { p50: number; max: number }) =>
  `| ${label} | ${ms(t.p50)} | ${ms(t.max)} | ${(t.p50 / baseline.p50).toFixed(1)} |`;
await writeResults(
  "dashboard",
  [
    `## Tableau de bord et rapport de suivi (issue 7) : une édition de ${count.toLocaleString("fr-FR")} projets`,
    "",
    `Mesuré le ${new Date().toISOString()} sur ${hostname()} (${cpus().length} cœurs, ${Math.round(totalmem() / 2 ** 30)} Gio), Node ${process.version}, base de mesure de 100 000 projets.`,
    `Commande : \`npm run bench:dashboard\`. ${RUNS} mesures par ligne après une de chauffe ; base de comparaison dans la même exécution : la simple lecture SQL des lignes de ces projets.`,
    "",
    "| mesure | médiane (ms) | max (ms) | × la lecture SQL |",
    "|---|---|---|---|",
    row("base : lecture SQL des projets de l'édition", baseline),
    row("chiffres du tableau de bord (`/tab/api/dashboard`)", dashboard),
    row("tableau de bord filtré (canton, jeunes)", filtered),
    row("rapport de suivi (données)", report),
    row("rapport de suivi : classeur Excel complet", workbook),
  ].join("\n"),
);
console.log({ count, baseline, dashboard, filtered, report, workbook });
process.exit(0);
