/**
 * Benchmark (issue 8, "reminder scans"): the daily reminder scan and the pending payments
 * at 1 000, 10 000 and 100 000 projects with proportional conventions, payments, invoices
 * and events, but the same due items at every size (the seed's). The cost must follow the
 * due items, not the tables: EXPLAIN of every statement the scan runs shows the indexes.
 * Usage: npm run bench:scans
 */
import { cpus, hostname, totalmem } from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { loadConfig } from "../domain/config/load-config.ts";
import { findDueReminders } from "../domain/reminders/find-due-reminders.ts";
import { findPendingPayments } from "../domain/reminders/find-pending-payments.ts";
import { reminderSettings } from "../domain/reminders/reminder-settings.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import type { Db } from "../prisma/create-db.ts";
import { PrismaClient } from "../prisma/generated/client.ts";
import { isDatabaseEmpty, seed } from "../prisma/seed.ts";
import { ensureDatabase } from "./support/ensure-database.ts";
import { fillScanProjects } from "./support/fill-scan-projects.ts";
import { percentile } from "./support/percentiles.ts";
import { writeResults } from "./support/write-results.ts";

const RUNS = 10;
/** Fixed so that the schemas kept between runs stay consistent with the seed's due dates. */
const NOW = new Date("2026-12-01T08:00:00Z");
const SIZES = [
  { projects: 1_000, schema: "bench_scan_1k" },
  { projects: 10_000, schema: "bench_scan_10k" },
  { projects: 100_000, schema: "bench_scan_100k" },
];
/**
 * The seed's planned payments are all less than 30 days late (the default threshold), so
 * the pending payments are measured with a shorter delay to find some.
 */
const PAYMENT_AFTER_DAYS = 7;
const BIG_TABLES = ["Project", "Agreement", "Payment", "Invoice", "InvoiceCheck", "Event"];

const config = loadConfig(process.env);
const settings = reminderSettings(config);
const url = new URL(config.DATABASE_URL);
url.pathname = "/bpc40_bench";
const databaseUrl = url.toString();
await ensureDatabase(databaseUrl);

interface Timing {
  p50: number;
  max: number;
}
interface PlanLine {
  statement: string;
  node: string;
  indexes: string[];
  seqScans: string[];
}
interface SizeResult {
  projects: number;
  counts: Record<string, number>;
  due: number;
  pending: number;
  scan: Timing;
  payments: Timing;
  plans: PlanLine[];
}

const results: SizeResult[] = [];
for (const size of SIZES) results.push(await measure(size.projects, size.schema));

const dueCounts = new Set(results.map((r) => r.due));
const pendingCounts = new Set(results.map((r) => r.pending));
const base = results[0]!;
const largest = results.at(-1)!;
const goalMet = largest.scan.p50 < 2 * base.scan.p50 && largest.payments.p50 < 2 * base.payments.p50;
await writeResults("reminder-scans", report());
console.log(report());
if (dueCounts.size !== 1 || pendingCounts.size !== 1) {
  console.error(
    `Relances dues différentes selon la taille : ${results.map((r) => `${r.projects} → ${r.due} relances, ${r.pending} versements`).join(" ; ")}`,
  );
  process.exit(1);
}

async function measure(projects: number, schema: string): Promise<SizeResult> {
  await applyMigrations({ databaseUrl, schema });
  const queries: { query: string; params: string }[] = [];
  let capture = false;
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max: 4, options: `-c search_path="${schema}"` },
    { schema },
  );
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    if (capture) queries.push({ query: event.query, params: event.params });
  });
  const db = client as unknown as Db;
  const sql = new pg.Client({ connectionString: databaseUrl, options: `-c search_path="${schema}"` });
  await sql.connect();
  const total = async () => Number((await sql.query(`SELECT count(*) AS n FROM "Project"`)).rows[0].n);
  if (await isDatabaseEmpty(db)) await seed(db, { now: NOW });
  if ((await total()) < projects) {
    const started = performance.now();
    await fillScanProjects(sql, projects, NOW);
    console.log(`${schema} : rempli en ${Math.round(performance.now() - started)} ms`);
  }
  const counts: Record<string, number> = {};
  for (const table of ["Project", "Agreement", "Payment", "Invoice", "Event"]) {
    counts[table] = Number((await sql.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  }
  const scan = () => findDueReminders(db, NOW, settings);
  const payments = () => findPendingPayments(db, NOW, PAYMENT_AFTER_DAYS);
  const due = (await scan()).length;
  const pending = (await payments()).length;
  const scanTiming = await time(scan);
  const paymentsTiming = await time(payments);

  capture = true;
  await scan();
  await payments();
  capture = false;
  const plans: PlanLine[] = [];
  const seen = new Set<string>();
  for (const { query, params } of queries) {
    if (seen.has(query)) continue;
    seen.add(query);
    const { rows } = await sql.query(`EXPLAIN (FORMAT TEXT) ${query}`, JSON.parse(params) as unknown[]);
    const lines = rows.map((row) => String(row["QUERY PLAN"]));
    plans.push({
      statement: summarize(query),
      node: lines[0]!.trim().replace(/\s+\(cost=.*$/, ""),
      indexes: [
        ...new Set(
          lines.flatMap((l) => [
            ...(/(?:Index|Index Only) Scan(?: Backward)? using "?(\w+)"?/.exec(l)?.slice(1) ?? []),
          ]),
        ),
      ],
      seqScans: [
        ...new Set(
          lines
            .flatMap((l) => [...(/Seq Scan on (?:\S+\.)?"?(\w+)"?/.exec(l)?.slice(1) ?? [])])
            .filter((t) => BIG_TABLES.includes(t)),
        ),
      ],
    });
  }
  await sql.end();
  await client.$disconnect();
  console.log(`${schema} : ${due} relances, ${pending} versements, scan ${scanTiming.p50.toFixed(1)} ms`);
  return { projects, counts, due, pending, scan: scanTiming, payments: paymentsTiming, plans };
}

async function time(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), max: Math.max(...samples) };
}

/** `SELECT … FROM "Payment" WHERE …` reduced to its main table and the columns it filters on. */
function summarize(query: string): string {
  const from = /FROM\s+"[^"]+"\."(\w+)"/.exec(query)?.[1] ?? "?";
  const filters = query.matchAll(/"t0"\."(\w+)"\s*(?:=|<|>|IN)\s*\(?\s*(?:CAST\()?\$/g);
  const columns = [...new Set([...filters].map((m) => m[1]!))];
  return `${from} (${columns.join(", ") || "—"})`;
}

function report(): string {
  const ms = (n: number) => n.toFixed(1).replace(".", ",");
  const int = (n: number) => n.toLocaleString("fr-FR");
  const ratio = (n: number, b: number) => `${(n / b).toFixed(2).replace(".", ",")}×`;
  const lines = [
    "## Relances quotidiennes (issue 8) : le coût suit les relances dues, pas la taille des tables",
    "",
    `Mesuré le ${new Date().toISOString()} sur ${hostname()} (${cpus().length} cœurs, ${Math.round(totalmem() / 2 ** 30)} Gio), Node ${process.version}, base \`bpc40_bench\`, un schéma par taille, jour de relance fixé au ${NOW.toISOString()}.`,
    `Commande : \`npm run bench:scans\`. ${RUNS} mesures par ligne après trois de chauffe. Les projets ajoutés au jeu de démonstration ne doivent rien (convention signée, acompte versé il y a 10 jours, facture conforme, bilan dans 10 ans, un événement passé pour 10 projets).`,
    "",
    `| projets | conventions | versements | factures | événements | relances dues | versements en attente (> ${PAYMENT_AFTER_DAYS} j) | scan médiane / max (ms) | × 1 000 | versements médiane / max (ms) | × 1 000 |`,
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${int(r.counts.Project!)} | ${int(r.counts.Agreement!)} | ${int(r.counts.Payment!)} | ${int(r.counts.Invoice!)} | ${int(r.counts.Event!)} | ${r.due} | ${r.pending} | ${ms(r.scan.p50)} / ${ms(r.scan.max)} | ${ratio(r.scan.p50, base.scan.p50)} | ${ms(r.payments.p50)} / ${ms(r.payments.max)} | ${ratio(r.payments.p50, base.payments.p50)} |`,
    ),
    "",
    `Objectif « 10× les projets, mêmes relances : moins de 2× le temps » (100 000 contre 1 000 projets, médianes) : ${goalMet ? "✓" : "✗"} (scan ${ratio(largest.scan.p50, base.scan.p50)}, versements ${ratio(largest.payments.p50, base.payments.p50)}). Relances dues identiques aux trois tailles : ${dueCounts.size === 1 && pendingCounts.size === 1 ? "✓" : "✗"}.`,
    "",
    `### EXPLAIN à ${int(largest.counts.Project!)} projets (une requête par ligne, telle que Prisma l'envoie)`,
    "",
    "| requête (table, colonnes filtrées) | nœud du plan | index utilisés | Seq Scan sur une grande table |",
    "|---|---|---|---|",
    ...largest.plans.map(
      (p) =>
        `| ${p.statement} | ${p.node} | ${p.indexes.map((i) => `\`${i}\``).join(", ") || "—"} | ${p.seqScans.join(", ") || "aucun"} |`,
    ),
  ];
  return lines.join("\n");
}
