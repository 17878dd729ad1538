/**
 * Benchmark (issue 4): `statut` and free-text search on 100 000 projects, latency from
 * the POST to the reply reaching the connector stand-in, at 1, 16 and 64 concurrent
 * conversations, side by side with an echo bot on the same adapter and server.
 * Usage: npm run bench:bot [-- --projects 100000 --requests 400]
 * Writes its table into bench/RESULTS.md.
 */
import { randomUUID } from "node:crypto";
import { cpus, hostname, totalmem } from "node:os";
import pg from "pg";
import { loadConfig } from "../domain/config/load-config.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb } from "../prisma/create-db.ts";
import { isDatabaseEmpty, seed } from "../prisma/seed.ts";
import { ensureDatabase } from "./support/ensure-database.ts";
import { LatencyConnector } from "./support/latency-connector.ts";
import { makeProjects } from "./support/make-projects.ts";
import { percentile } from "./support/percentiles.ts";
import { peakRssMiB, spawnServer } from "./support/spawn-server.ts";
import { writeResults } from "./support/write-results.ts";

const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1] ?? ""]));
const PROJECTS = Number(args.get("--projects") || 100_000);
const REQUESTS = Number(args.get("--requests") || 400);
const CONCURRENCY = [1, 16, 64];
const BOT_PORT = 3991;
const ECHO_PORT = 3992;

const config = loadConfig(process.env);
const benchUrl = new URL(config.DATABASE_URL);
benchUrl.pathname = "/bpc40_bench";
await ensureDatabase(benchUrl.toString());
await applyMigrations({ databaseUrl: benchUrl.toString() });
const db = createDb({ databaseUrl: benchUrl.toString(), max: 2 });
if (await isDatabaseEmpty(db)) await seed(db);
await db.$disconnect();
const client = new pg.Client({ connectionString: benchUrl.toString() });
await client.connect();
const started = performance.now();
const projectCount = await makeProjects(client, PROJECTS);
console.log(`${projectCount} projets en base (${Math.round(performance.now() - started)} ms)`);
const references = (await client.query(`SELECT "reference" FROM "Project" ORDER BY random() LIMIT 500`)).rows.map(
  (r) => r.reference as string,
);
const communes = (await client.query(`SELECT "name" FROM "Commune" ORDER BY "id"`)).rows.map((r) => r.name as string);
await client.end();

const connector = await new LatencyConnector().start();
const echo = await spawnServer("bench/echo-bot.ts", [String(ECHO_PORT)], {}, () => isUp(ECHO_PORT, "/"));
const SECOND_BOT_PORT = 3993;
const startBot = (port: number) =>
  spawnServer(
    "bot/main.ts",
    [],
    {
      PORT: String(port),
      DATABASE_URL: benchUrl.toString(),
      REDIS_PREFIX: "bpc40-bench",
      LOG_LEVEL: "warn",
      SMTP_URL: "smtp://127.0.0.1:2599",
      BPC40_SECRET: "bench-secret-bench-secret-bench-secret!",
    },
    () => isUp(port, "/healthz"),
  );
const bot = await startBot(BOT_PORT);

const searches = [
  "skatepark mont de marsan",
  "jardin partage dax",
  "grenad skatpark",
  "boite a livres seignanx",
  "pumptrack tartas",
];
// Searches never typed before in the run (the bot keeps answered searches in memory until a project changes).
const subjects = [
  ...["skatepark", "jardin partage", "boite a livres", "pumptrack", "verger", "city stade"],
  ...["ruches", "aire de jeux", "fresque", "composteurs", "abri velos", "parcours de sante"],
];
let unseen = 0;
const unseenSearch = () => {
  const n = unseen++;
  const subject = subjects[n % subjects.length]!;
  const commune = communes[Math.floor(n / subjects.length) % communes.length]!;
  const variant = Math.floor(n / (subjects.length * communes.length)) % 3;
  return [`${subject} ${commune}`, `${commune} ${subject}`, `${subject.slice(0, -1)} ${commune}`][variant]!;
};
const scenarios: Array<{ name: string; text: (i: number) => string }> = [
  { name: "statut", text: (i) => `statut ${references[i % references.length]}` },
  { name: "recherche", text: (i) => searches[i % searches.length]! },
  { name: "recherche jamais vue", text: unseenSearch },
];

const rows: string[] = [];
for (const scenario of scenarios) {
  for (const concurrency of CONCURRENCY) {
    const floor = await measure(ECHO_PORT, scenario.text, concurrency);
    const ours = await measure(BOT_PORT, scenario.text, concurrency);
    const r50 = ours.p50 / floor.p50;
    const r99 = ours.p99 / floor.p99;
    rows.push(
      `| ${scenario.name} | ${concurrency} | ${fmt(floor.p50)} | ${fmt(floor.p99)} | ${fmt(ours.p50)} | ${fmt(ours.p99)} | ${r50.toFixed(2)} ${r50 <= 1.5 ? "✓" : "✗"} | ${r99.toFixed(2)} ${r99 <= 2 ? "✓" : "✗"} | ${ours.errors + floor.errors} |`,
    );
    console.log(rows.at(-1));
  }
}
const memory = `Pic de mémoire (VmHWM) : bot ${peakRssMiB(bot.pid)} Mio, bot écho ${peakRssMiB(echo.pid)} Mio.`;

// Issue 8: the same load spread over two bot instances (one PostgreSQL, one Redis).
const second = await startBot(SECOND_BOT_PORT);
const twoInstances: string[] = [];
for (const scenario of scenarios) {
  const result = await measure([BOT_PORT, SECOND_BOT_PORT], scenario.text, 64);
  twoInstances.push(`| ${scenario.name} | 64 | ${fmt(result.p50)} | ${fmt(result.p99)} | ${result.errors} |`);
  console.log(twoInstances.at(-1));
}
const twoMemory = `Pic de mémoire (VmHWM) des deux instances : ${peakRssMiB(bot.pid)} Mio et ${peakRssMiB(second.pid)} Mio.`;
second.kill("SIGTERM");
bot.kill("SIGTERM");
echo.kill("SIGTERM");
await connector.stop();

await writeResults(
  "bot-latency",
  [
    `## Latence du bot (issue 4) : \`statut\` et recherche sur ${projectCount.toLocaleString("fr-FR")} projets`,
    "",
    `Mesuré le ${new Date().toISOString()} sur ${hostname()} (${cpus().length} cœurs, ${Math.round(totalmem() / 2 ** 30)} Gio), Node ${process.version}.`,
    `Commande : \`npm run bench:bot -- --projects ${PROJECTS} --requests ${REQUESTS}\`. Latence = du POST /api/messages à l'arrivée de la réponse au connecteur local ; ${REQUESTS} requêtes mesurées par ligne après 50 de chauffe ; le bot écho tourne sur le même adaptateur et le même serveur, dans la même exécution.`,
    "Objectif : p50 ≤ 1,5 × écho et p99 ≤ 2 × écho à chaque concurrence.",
    "`recherche` répète cinq recherches (servies par le cache de lecture du bot après la première) ; `recherche jamais vue` n'envoie que des recherches encore jamais tapées dans l'exécution (sujet et commune, ordre des mots, faute de frappe) : le chemin SQL complet.",
    "",
    "| scénario | conversations simultanées | écho p50 (ms) | écho p99 (ms) | bot p50 (ms) | bot p99 (ms) | ratio p50 | ratio p99 | erreurs |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    memory,
    "",
    "### Deux instances du bot (issue 8)",
    "",
    "Même charge, conversations réparties à tour de rôle sur deux processus `bot/main.ts` (même PostgreSQL, même Redis), deux cœurs en tout pour les bots, PostgreSQL et le client de mesure.",
    "",
    "| scénario | conversations simultanées | p50 (ms) | p99 (ms) | erreurs |",
    "|---|---|---|---|---|",
    ...twoInstances,
    "",
    twoMemory,
  ].join("\n"),
);
process.exit(0);

async function measure(ports: number | number[], text: (i: number) => string, concurrency: number) {
  const targets = Array.isArray(ports) ? ports : [ports];
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const total = REQUESTS + 50;
  const worker = async (lane: number) => {
    const conversationId = `a:bench-${lane}-${randomUUID()}`;
    while (next < total) {
      const i = next++;
      const activity = message(conversationId, text(i));
      const reply = connector.expectReply(activity.id);
      const start = performance.now();
      try {
        const port = targets[(lane + i) % targets.length];
        const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(activity),
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(String(response.status));
        const at = await reply;
        if (i >= 50) latencies.push(at - start);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, lane) => worker(lane)));
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

function message(conversationId: string, text: string) {
  return {
    type: "message",
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: "msteams",
    from: { id: "29:bench", name: "Agent de mesure", aadObjectId: "00000000-0000-4000-8000-00000000be0c" },
    conversation: { id: conversationId, conversationType: "personal", tenantId: "bench" },
    recipient: { id: "28:bpc40", name: "BPC40" },
    text,
    locale: "fr-FR",
    channelData: { tenant: { id: "bench" } },
  };
}

function fmt(ms: number): string {
  return ms.toFixed(1).replace(".", ",");
}

/** Up when the server answers HTTP at all (the echo bot has no health route), or /healthz is ok. */
async function isUp(port: number, path: "/" | "/healthz"): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  await response.arrayBuffer();
  return path === "/" || response.ok;
}
