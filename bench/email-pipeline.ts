/**
 * Benchmark (issue 8): N notifications from the outbox to a real SMTP server on loopback,
 * rate limit off, in e-mails per second, side by side in the same run with two floors:
 * a bare nodemailer pooled-send loop to the same server, and a bare BullMQ no-op worker
 * on the same Redis. Goal: at least 0.7 of the slower floor.
 * Usage: npm run bench:email [-- --count 20000 --connections 4]
 */
import { cpus, hostname, totalmem } from "node:os";
import { Queue, Worker } from "bullmq";
import nodemailer from "nodemailer";
import pg from "pg";
import { loadConfig } from "../domain/config/load-config.ts";
import { createLogger } from "../domain/log/create-logger.ts";
import { createRedis } from "../jobs/create-redis.ts";
import { createTransport } from "../jobs/mail/create-transport.ts";
import { startWorkers } from "../jobs/start-workers.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb } from "../prisma/create-db.ts";
import { startSinkSmtp } from "./support/sink-smtp.ts";
import { writeResults } from "./support/write-results.ts";

const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1] ?? ""]));
const COUNT = Number(args.get("--count") || 20_000);
const CONNECTIONS = Number(args.get("--connections") || 4);
const base = loadConfig(process.env);
const databaseUrl = new URL(base.DATABASE_URL);
databaseUrl.pathname = "/bpc40_bench";
const schema = "bench_email";
const prefix = `bpc40-bench-email-${Date.now()}`;
const sink = await startSinkSmtp();

async function timeUntil(done: () => boolean | Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 20));
  return performance.now() - start;
}

// Floor 1: nodemailer's pooled transport, CONNECTIONS messages in flight.
async function nodemailerFloor(): Promise<number> {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: CONNECTIONS,
    host: "127.0.0.1",
    port: sink.port,
    ignoreTLS: true,
  });
  const before = sink.count();
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < COUNT) {
        const i = next++;
        await transport.sendMail({
          from: base.SMTP_FROM,
          to: `porteur${i}@example.org`,
          subject: `Test ${i}`,
          text: "Bonjour",
        });
      }
    }),
  );
  const ms = performance.now() - start;
  transport.close();
  if (sink.count() - before !== COUNT) throw new Error("plancher nodemailer : messages manquants");
  return (COUNT / ms) * 1000;
}

// Floor 2: a BullMQ worker that does nothing, same concurrency, same Redis.
async function bullmqFloor(): Promise<number> {
  const connection = createRedis(base.REDIS_URL, { blocking: true });
  const queue = new Queue("noop", { connection, prefix });
  for (let i = 0; i < COUNT; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, COUNT - i) }, (_, j) => ({
        name: "noop",
        data: { id: i + j },
        opts: { removeOnComplete: true },
      })),
    );
  }
  let done = 0;
  const start = performance.now();
  const worker = new Worker("noop", async () => {}, { connection, prefix, concurrency: CONNECTIONS });
  worker.on("completed", () => {
    done += 1;
  });
  await timeUntil(() => done >= COUNT);
  const ms = performance.now() - start;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  return (COUNT / ms) * 1000;
}

// Ours: COUNT outbox rows → dispatch → render → send → marked SENT.
async function pipeline(): Promise<number> {
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
  const start = performance.now();
  const workers = await startWorkers({
    config,
    db,
    connection,
    transport: createTransport(config, sink.url),
    logger: createLogger({ level: "warn", name: "bench" }),
    schedules: false,
  });
  const ms = await timeUntil(async () => {
    const { rows } = await client.query(`SELECT count(*) AS n FROM "Notification" WHERE "status" = 'SENT'`);
    return Number(rows[0].n) >= COUNT;
  });
  const elapsed = performance.now() - start;
  await workers.close();
  await connection.quit();
  await db.$disconnect();
  await client.query(`DROP SCHEMA "${schema}" CASCADE`);
  await client.end();
  void ms;
  return (COUNT / elapsed) * 1000;
}

const floorMail = await nodemailerFloor();
console.log(`plancher nodemailer : ${floorMail.toFixed(0)} e-mails/s`);
const floorQueue = await bullmqFloor();
console.log(`plancher BullMQ : ${floorQueue.toFixed(0)} tâches/s`);
const ours = await pipeline();
console.log(`chaîne complète : ${ours.toFixed(0)} e-mails/s`);
await sink.close();
const slower = Math.min(floorMail, floorQueue);
const ratio = ours / slower;
const fmt = (n: number) => Math.round(n).toLocaleString("fr-FR");
await writeResults(
  "email-pipeline",
  [
    `## Chaîne d'envoi des e-mails (issue 8) : ${COUNT.toLocaleString("fr-FR")} notifications`,
    "",
    `Mesuré le ${new Date().toISOString()} sur ${hostname()} (${cpus().length} cœurs, ${Math.round(totalmem() / 2 ** 30)} Gio), Node ${process.version}.`,
    `Commande : \`npm run bench:email -- --count ${COUNT} --connections ${CONNECTIONS}\`. Serveur SMTP réel sur la boucle locale (il accepte et jette), limite de débit coupée, ${CONNECTIONS} connexions SMTP / tâches simultanées partout, un seul processus worker.`,
    "",
    "| mesure | débit (par seconde) |",
    "|---|---|",
    `| plancher 1 : boucle nodemailer en pool | ${fmt(floorMail)} e-mails |`,
    `| plancher 2 : worker BullMQ qui ne fait rien | ${fmt(floorQueue)} tâches |`,
    `| **chaîne complète** (outbox → file → rendu → SMTP → \`SENT\`) | **${fmt(ours)} e-mails** |`,
    "",
    `Ratio au plancher le plus lent : **${ratio.toFixed(2)}** (objectif ≥ 0,7 : ${ratio >= 0.7 ? "atteint" : "non atteint"}).`,
    "",
    `Pic de mémoire (maxRSS) du processus de mesure, qui porte le worker, les deux planchers et le serveur SMTP : ${Math.round(process.resourceUsage().maxRSS / 1024)} Mio.`,
  ].join("\n"),
);
process.exit(0);
