/**
 * Benchmark (issue 8): N notifications from the outbox to a real SMTP server on loopback,
 * rate limit off, in e-mails per second, side by side in the same run with two floors:
 * a bare nodemailer pooled-send loop to the same server, and a bare BullMQ no-op worker
 * on the same Redis. Goal: at least 0.7 of the slower floor.
 * Usage: npm run bench:email [-- --count 20000 --connections 4]
 */
import { cpus, hostname, loadavg, totalmem } from "node:os";
import pg from "pg";
import { loadConfig } from "../domain/config/load-config.ts";
import { createLogger } from "../domain/log/create-logger.ts";
import { createRedis } from "../jobs/create-redis.ts";
import { createTransport } from "../jobs/mail/create-transport.ts";
import { EMAIL_JOBS_PER_CONNECTION, startWorkers } from "../jobs/start-workers.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb } from "../prisma/create-db.ts";
import { bullmqFloor, type Measure, nodemailerFloor, startMeasure, timeUntil } from "./support/email-floors.ts";
import { ensureDatabase } from "./support/ensure-database.ts";
import { startSinkSmtp } from "./support/sink-smtp.ts";
import { writeResults } from "./support/write-results.ts";

const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1] ?? ""]));
const COUNT = Number(args.get("--count") || 20_000);
const CONNECTIONS = Number(args.get("--connections") || 4);
const base = loadConfig(process.env);
const databaseUrl = new URL(base.DATABASE_URL);
databaseUrl.pathname = "/bpc40_bench";
await ensureDatabase(databaseUrl.toString());
const schema = "bench_email";
const prefix = `bpc40-bench-email-${Date.now()}`;
const sink = await startSinkSmtp();

// Ours: COUNT outbox rows → dispatch → render → send → marked SENT.
async function pipeline(): Promise<Measure> {
  await applyMigrations({ databaseUrl: databaseUrl.toString(), schema });
  const client = new pg.Client({ connectionString: databaseUrl.toString() });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  await client.query(`TRUNCATE "Notification"`);
  await client.query(
    `INSERT INTO "Notification" ("template", "recipientEmail", "recipientName", "payload", "idempotencyKey", "essential", "updatedAt")
     SELECT 'payment-sent', 'porteur' || g || '@example.org', 'Porteur ' || g,
            jsonb_build_object('holderName', 'Porteur ' || g, 'projectReference', '2022-017', 'projectTitle', 'Skatepark de Grenade-sur-l''Adour',
                               'kind', 'ADVANCE', 'amountCents', 1400000 + g, 'sentAt', '2026-11-27', 'remainingCents', 1400000),
            'bench:' || g, true, now()
     FROM generate_series(1, $1::int) AS g`,
    [COUNT],
  );
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    DATABASE_SCHEMA: schema,
    REDIS_PREFIX: prefix,
    MAIL_RATE_MAX: "0",
    SMTP_MAX_CONNECTIONS: String(CONNECTIONS),
    OUTBOX_SWEEP_MS: "3600000",
    LOG_LEVEL: "warn",
  });
  const db = createDb({ databaseUrl: databaseUrl.toString(), schema, max: CONNECTIONS + 4 });
  const connection = createRedis(config.REDIS_URL, { blocking: true });
  const stop = startMeasure();
  const workers = await startWorkers({
    config,
    db,
    connection,
    transport: createTransport(config, sink.url),
    logger: createLogger({ level: "warn", name: "bench" }),
    schedules: false,
  });
  // An index lookup (status, createdAt) every 100 ms rather than counting 20 000 rows
  // every 20 ms: the floors pay nothing to know they are done, the pipeline should not
  // either (at most 100 ms too many over a run of several seconds).
  await timeUntil(100, async () => {
    const { rows } = await client.query(
      `SELECT EXISTS (SELECT 1 FROM "Notification" WHERE "status" = 'PENDING') AS busy`,
    );
    return !rows[0].busy;
  });
  const measure = stop(COUNT);
  const { rows } = await client.query(`SELECT count(*) AS n FROM "Notification" WHERE "status" = 'SENT'`);
  if (Number(rows[0].n) !== COUNT) throw new Error(`chaîne : ${rows[0].n} e-mails SENT sur ${COUNT}`);
  await workers.close();
  await connection.quit();
  await db.$disconnect();
  await client.query(`DROP SCHEMA "${schema}" CASCADE`);
  await client.end();
  return measure;
}

const loadBefore = loadavg()[0] ?? 0;
const floorMail = await nodemailerFloor(base, sink, COUNT, CONNECTIONS);
console.log(`plancher nodemailer : ${floorMail.perSecond.toFixed(0)} e-mails/s`);
const floorQueue = await bullmqFloor(base.REDIS_URL, prefix, COUNT, CONNECTIONS * EMAIL_JOBS_PER_CONNECTION);
console.log(`plancher BullMQ : ${floorQueue.perSecond.toFixed(0)} tâches/s`);
const ours = await pipeline();
console.log(`chaîne complète : ${ours.perSecond.toFixed(0)} e-mails/s`);
await sink.close();
const slower = Math.min(floorMail.perSecond, floorQueue.perSecond);
const ratio = ours.perSecond / slower;
const fmt = (n: number) => Math.round(n).toLocaleString("fr-FR");
const row = (label: string, m: Measure, unit: string, bold = "") =>
  `| ${label} | ${bold}${fmt(m.perSecond)} ${unit}${bold} | ${m.cpuMsPerItem.toFixed(2).replace(".", ",")} ms |`;
await writeResults(
  "email-pipeline",
  [
    `## Chaîne d'envoi des e-mails (issue 8) : ${COUNT.toLocaleString("fr-FR")} notifications`,
    "",
    `Mesuré le ${new Date().toISOString()} sur ${hostname()} (${cpus().length} cœurs, ${Math.round(totalmem() / 2 ** 30)} Gio), Node ${process.version}.`,
    `Commande : \`npm run bench:email -- --count ${COUNT} --connections ${CONNECTIONS}\`. Serveur SMTP réel sur la boucle locale (il accepte et jette), limite de débit coupée, un seul processus worker, ${CONNECTIONS} connexions SMTP pour le plancher nodemailer et la chaîne, ${CONNECTIONS * EMAIL_JOBS_PER_CONNECTION} tâches simultanées pour le plancher BullMQ et la chaîne (${EMAIL_JOBS_PER_CONNECTION} par connexion : les tâches en plus lisent et rendent pendant que les connexions envoient).`,
    "La chaîne garde ses garanties pendant la mesure : ligne relue en base, rendu du modèle, au plus un message par connexion accepté par le serveur sans être encore `SENT` (le point final de DATA attend l'écriture du précédent), lectures et écritures groupées entre tâches simultanées.",
    `Le plancher nodemailer envoie le même message que la chaîne (modèle \`payment-sent\` rendu une fois : parties HTML et texte, en-têtes, un Message-ID par message) ; seul le travail propre à la chaîne diffère.`,
    "",
    "| mesure | débit (par seconde) | CPU du processus par e-mail ou tâche |",
    "|---|---|---|",
    row("plancher 1 : boucle nodemailer en pool, même message", floorMail, "e-mails"),
    row("plancher 2 : worker BullMQ qui ne fait rien", floorQueue, "tâches"),
    row("**chaîne complète** (outbox → file → rendu → SMTP → `SENT`)", ours, "e-mails", "**"),
    "",
    `Le processus de mesure porte aussi le serveur SMTP (sa part du CPU compte dans le plancher nodemailer comme dans la chaîne) ; PostgreSQL et Redis tournent à part. Sur deux cœurs partagés, le débit varie d'une exécution à l'autre ; le ratio d'une même exécution et le CPU par e-mail sont plus stables. Charge moyenne de la machine (1 min) : ${loadBefore.toFixed(1).replace(".", ",")} au début de la mesure, ${(loadavg()[0] ?? 0).toFixed(1).replace(".", ",")} à la fin (d'autres processus qui tournent font baisser le ratio : la chaîne use plus de CPU par e-mail que le plancher).`,
    "",
    `Ratio au plancher le plus lent : **${ratio.toFixed(2)}** (objectif ≥ 0,7 : ${ratio >= 0.7 ? "atteint" : "non atteint"}).`,
    "",
    `Pic de mémoire (maxRSS) du processus de mesure, qui porte le worker, les deux planchers et le serveur SMTP : ${Math.round(process.resourceUsage().maxRSS / 1024)} Mio.`,
  ].join("\n"),
);
process.exit(0);
