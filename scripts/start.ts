import { type ChildProcess, spawn } from "node:child_process";
import { BOT_NODE_FLAGS } from "../bot/node-flags.ts";
import { loadConfig } from "../domain/config/load-config.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb } from "../prisma/create-db.ts";
import { isDatabaseEmpty, seed } from "../prisma/seed.ts";
import { ensureServices } from "./services.ts";

/**
 * `npm start`: the whole assistant on one machine. Makes sure PostgreSQL and Redis
 * run, migrates, loads the demo data into an empty database, then starts the bot
 * web process and the worker process and stops both on Ctrl+C.
 */
const config = loadConfig(process.env);
await ensureServices({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL });
await applyMigrations({
  databaseUrl: config.DATABASE_URL,
  schema: config.DATABASE_SCHEMA,
  log: (line) => console.log(line),
});
const db = createDb({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 2 });
if (config.SEED_ON_EMPTY && (await isDatabaseEmpty(db))) {
  console.log("Base vide : chargement des données de démonstration…");
  await seed(db);
}
await db.$disconnect();

const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, entry: string, nodeFlags: readonly string[] = []): void {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", entry], {
    stdio: "inherit",
    env: process.env,
  });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`Le processus ${name} s'est arrêté (${signal ?? `code ${code}`}) : arrêt de l'assistant.`);
    stop(code ?? 1);
  });
}

function stop(exitCode = 0): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on("exit", resolve))),
    ),
  ).then(() => process.exit(exitCode));
}

process.on("SIGINT", () => stop());
process.on("SIGTERM", () => stop());
run("bot", "bot/main.ts", BOT_NODE_FLAGS);
run("worker", "jobs/main.ts");
const base = `http://localhost:${config.PORT}`;
console.log(
  `\nAssistant BPC40 démarré.\n  Point d'entrée du bot : ${base}/api/messages\n  Santé : ${base}/healthz\n  Ctrl+C pour arrêter.\n`,
);
