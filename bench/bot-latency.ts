/**
 * Benchmark (issue 4): `statut` and free-text search on 100 000 projects, latency from
 * the POST to the reply reaching the connector stand-in, at 1, 16 and 64 concurrent
 * conversations, side by side with an echo bot on the same adapter and server.
 * Usage: npm run bench:bot [-- --projects 100000 --requests 2000 --rounds 5 --scenario statut --concurrency 64 --profile dir --node-defaults --compare "BOT_SEARCH_THREAD=true" --calibrate 250]
 * Writes its table into bench/RESULTS.md.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { cpus, hostname, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { BOT_NODE_FLAGS } from "../bot/node-flags.ts";
import { loadConfig } from "../domain/config/load-config.ts";
import { benchServerEnv, startEchoBot } from "./support/echo-server.ts";
import { prepareBenchDatabase } from "./support/ensure-database.ts";
import { describeGcCounts, GC_COUNT_FLAGS, readGcCounts } from "./support/gc-count.ts";
import { LatencyConnector } from "./support/latency-connector.ts";
import { makeProjects } from "./support/make-projects.ts";
import { percentile, ratioSpread, roundRatios } from "./support/percentiles.ts";
import { JsonPoster } from "./support/post-json.ts";
import {
  mainThreadCpuMs,
  processCpuMs,
  processesCpuMs,
  processesCpuSince,
  processMinorFaults,
} from "./support/process-cpu.ts";
import { assertPortsFree, peakRssMiB, spawnServer } from "./support/spawn-server.ts";
import { unseenSearchCount, unseenSearchesNeeded, unseenSearchText } from "./support/unseen-searches.ts";
import { writeResults } from "./support/write-results.ts";

const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1] ?? ""]));
const PROJECTS = Number(args.get("--projects") || 100_000);
const REQUESTS = Number(args.get("--requests") || 2000);
/** Echo and bot take turns this many times per row, so a drift of the machine's load weighs on both. */
const ROUNDS = Number(args.get("--rounds") || 5);
/** Requests before each round's measured ones (connections opened, code warm). */
const WARM_UP = 20;
// Before the first row, every scenario is run on both servers and not measured: otherwise the
// first rows measured servers still warming up (V8 still optimising, the young generation still
// growing, Node still checking the callers of `new Buffer()`, which it stops after 10 000 calls),
// and the echo's CPU per request fell by half from the first row to the last of one run.
const WARM_UP_RUN = { statut: 600, recherche: 600, "recherche jamais vue": 300 } as const;
// Conversation `lane` is the same one in every round and scenario, as an agent's chat with the
// bot is: only its first message stores the conversation (a write an ongoing conversation
// never makes again), and that happens during a warm-up. The run's own id keeps runs apart.
const RUN_ID = randomUUID();
// `--concurrency 64` (or `16,64`): only those rows.
const CONCURRENCY = (args.get("--concurrency") || "1,16,64").split(",").map(Number);
const BOT_PORT = 3991;
// `--profile <dossier>`: the echo bot and the first bot write V8 CPU profiles in its folders echo/ and bot/ when they stop.
const PROFILE_DIR = args.get("--profile");
// `--scenario <nom>`: only that scenario. A partial run (any of these options) writes nothing to RESULTS.md.
const ONLY = args.get("--scenario");
// `--node-defaults`: the bot runs with Node's default options instead of those of `npm start` (BOT_NODE_FLAGS).
const NODE_DEFAULTS = args.has("--node-defaults");
// `--compare "NAME=valeur …"`: in place of the echo bot, a second assistant started with these
// variables: the « écho » columns are then that variant's, against the default in the same run
// and under the same load (how BOT_SEARCH_THREAD's default was chosen, see the README).
const COMPARE = args.has("--compare") ? parseAssignments(args.get("--compare") ?? "") : null;
// `--calibrate <µs>`: in place of the assistant, a second echo bot that also computes that long
// per message (BENCH_SPIN_US): the « bot » columns then show what latency ratio a bot with
// only that much more work than the echo gets, on this machine, under this load.
const CALIBRATE_US = args.has("--calibrate") ? Number(args.get("--calibrate")) : null;
if (CALIBRATE_US !== null && !(Number.isInteger(CALIBRATE_US) && CALIBRATE_US > 0 && CALIBRATE_US <= 100_000))
  throw new Error(
    `--calibrate attend un nombre entier de microsecondes, de 1 à 100 000 (reçu « ${args.get("--calibrate")} »)`,
  );
if (CALIBRATE_US !== null && args.has("--compare")) throw new Error("--calibrate et --compare ne vont pas ensemble");
const PARTIAL = Boolean(
  PROFILE_DIR || ONLY || args.get("--concurrency") || NODE_DEFAULTS || COMPARE || CALIBRATE_US !== null,
);
const ECHO_PORT = 3992;

const config = loadConfig(process.env);
const benchUrl = new URL(await prepareBenchDatabase(config.DATABASE_URL));
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
// Checked before any server starts: a run short of never-typed texts would stop midway.
const unseenNeeded = unseenSearchesNeeded({
  warmUpRun: WARM_UP_RUN["recherche jamais vue"],
  requests: !ONLY || ONLY === "recherche jamais vue" ? REQUESTS : 0,
  rounds: ROUNDS,
  warmUp: WARM_UP,
  concurrencies: !ONLY || ONLY === "recherche jamais vue" ? CONCURRENCY : [],
  bots: COMPARE ? 2 : 1,
  twoInstances: !PARTIAL,
});
if (unseenNeeded > unseenSearchCount(communes))
  throw new Error(
    `cette mesure enverrait ${unseenNeeded} recherches jamais vues aux bots, et la suite n'en compte que ${unseenSearchCount(communes)} (${communes.length} communes) : moins de --requests, de --concurrency ou de --rounds`,
  );

const connector = await new LatencyConnector().start();
const poster = new JsonPoster();
// One folder per process: tsx's loader thread writes a profile of its own next to the main thread's.
const profile = (name: string) => (PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}/${name}`] : []);
// Each server counts its heap collections from its first message on (see gc-count.mjs).
const gcDir = mkdtempSync(join(tmpdir(), "bpc40-bench-gc-"));
const gcFile = (name: string) => join(gcDir, `${name}.json`);
const SECOND_BOT_PORT = 3993;
const serverEnv = benchServerEnv(benchUrl.toString());
await assertPortsFree([BOT_PORT, ECHO_PORT, SECOND_BOT_PORT]);
const startBot = (port: number, env: Record<string, string> = {}, gcName = `bot-${port}`) =>
  spawnServer(
    "bot/main.ts",
    [],
    { ...serverEnv, PORT: String(port), BENCH_GC_FILE: gcFile(gcName), ...env },
    () => searchesFromMemory(port),
    [...(NODE_DEFAULTS ? [] : BOT_NODE_FLAGS), ...GC_COUNT_FLAGS, ...(port === BOT_PORT ? profile("bot") : [])],
  );
const echo = COMPARE
  ? await startBot(ECHO_PORT, COMPARE, "echo")
  : await startEchoBot(ECHO_PORT, { ...serverEnv, BENCH_GC_FILE: gcFile("echo") }, [
      ...GC_COUNT_FLAGS,
      ...profile("echo"),
    ]);
if (COMPARE)
  console.log(`Comparaison : les colonnes « écho » sont celles d'un second bot lancé avec ${args.get("--compare")}.`);
const bot =
  CALIBRATE_US === null
    ? await startBot(BOT_PORT)
    : await startEchoBot(
        BOT_PORT,
        { ...serverEnv, BENCH_GC_FILE: gcFile(`bot-${BOT_PORT}`), BENCH_SPIN_US: String(CALIBRATE_US) },
        [...GC_COUNT_FLAGS, ...profile("bot")],
      );
if (CALIBRATE_US !== null)
  console.log(
    `Étalonnage : les colonnes « bot » sont celles d'un second écho qui calcule ${CALIBRATE_US} µs de plus par message.`,
  );

const searches = [
  "skatepark mont de marsan",
  "jardin partage dax",
  "grenad skatpark",
  "boite a livres seignanx",
  "pumptrack tartas",
];
// Searches never typed before in the run (the bot keeps answered searches in memory until a
// project changes; see unseen-searches.ts). The echo bot draws from a sequence of its own, so
// the bots' never runs out: a text sent to a bot twice stops the run.
const unseenCounters = new Map<string, number>();
const sentToBots = new Set<string>();
const unseenSearch = (_i: number, port: number) => {
  // Compared with a second assistant, both draw from the bots' sequence: neither sees a text twice.
  const side = port === ECHO_PORT && !COMPARE ? "echo" : "bots";
  const n = unseenCounters.get(side) ?? 0;
  unseenCounters.set(side, n + 1);
  const text = unseenSearchText(communes, n);
  if (side === "bots") {
    if (sentToBots.has(text))
      throw new Error(`recherche « ${text} » déjà envoyée : la mesure ne serait plus « jamais vue »`);
    sentToBots.add(text);
  }
  return text;
};
const scenarios: Array<{ name: string; text: (i: number, port: number) => string }> = [
  { name: "statut", text: (i) => `statut ${references[i % references.length]}` },
  { name: "recherche", text: (i) => searches[i % searches.length]! },
  { name: "recherche jamais vue", text: unseenSearch },
];

// Before the first row, every scenario is run on both servers and not measured (WARM_UP_RUN).
for (const [port, pid] of [
  [ECHO_PORT, echo.pid],
  [BOT_PORT, bot.pid],
] as const)
  for (const scenario of scenarios)
    await measure(port, scenario.text, 16, WARM_UP_RUN[scenario.name as keyof typeof WARM_UP_RUN], pid);

const rows: string[] = [];
const cpuRows: string[] = [];
for (const scenario of scenarios.filter((s) => !ONLY || s.name === ONLY)) {
  for (const concurrency of CONCURRENCY) {
    const floorRounds: Measure[] = [];
    const ourRounds: Measure[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      floorRounds.push(await measure(ECHO_PORT, scenario.text, concurrency, REQUESTS / ROUNDS, echo.pid));
      ourRounds.push(await measure(BOT_PORT, scenario.text, concurrency, REQUESTS / ROUNDS, bot.pid));
    }
    const floor = pool(floorRounds);
    const ours = pool(ourRounds);
    const r50 = ours.p50 / floor.p50;
    const r99 = ours.p99 / floor.p99;
    const spread = ratioSpread(
      roundRatios(
        floorRounds.map((r) => r.latencies),
        ourRounds.map((r) => r.latencies),
        50,
      ),
    );
    rows.push(
      `| ${scenario.name} | ${concurrency} | ${fmt(floor.p50)} | ${fmt(floor.p99)} | ${fmt(ours.p50)} | ${fmt(ours.p99)} | ${r50.toFixed(2)} ${r50 <= 1.5 ? "✓" : "✗"} | ${spread} | ${r99.toFixed(2)} ${r99 <= 2 ? "✓" : "✗"} | ${ours.errors + floor.errors} |`,
    );
    console.log(rows.at(-1));
    cpuRows.push(
      `| ${scenario.name} | ${concurrency} | ${fmtCpu(floor.cpu)} | ${fmtCpu(floor.mainCpu)} | ${fmtCpu(floor.mainSystemCpu)} | ${fmtCpu(floor.postgresCpu)} | ${fmtCpu(ours.cpu)} | ${fmtCpu(ours.mainCpu)} | ${fmtCpu(ours.mainSystemCpu)} | ${fmtCpu(ours.postgresCpu)} | ${Math.round(floor.replyBytes)} | ${Math.round(ours.replyBytes)} | ${fmt(floor.faults)} | ${fmt(ours.faults)} | ${fmtCpu(floor.clientCpu)} | ${fmtCpu(ours.clientCpu)} |`,
    );
    console.log(cpuRows.at(-1));
  }
}
const collections = [
  `Collectes du tas (V8) pendant la mesure, dès le premier message : bot ${describeGcCounts(await readGcCounts(bot, gcFile(`bot-${BOT_PORT}`)))} ;`,
  `écho ${describeGcCounts(await readGcCounts(echo, gcFile("echo")))}.`,
].join(" ");
console.log(collections);
if (PARTIAL) {
  bot.kill("SIGTERM");
  echo.kill("SIGTERM");
  await Promise.all([bot, echo].map((child) => new Promise((resolve) => child.once("exit", resolve))));
  poster.close();
  await connector.stop();
  process.exit(0);
}
const memory = `Pic de mémoire (VmHWM) : bot ${peakRssMiB(bot.pid)} Mio, bot écho ${peakRssMiB(echo.pid)} Mio.`;

// Issue 8: the same load spread over two bot instances (one PostgreSQL, one Redis).
const second = await startBot(SECOND_BOT_PORT);
const twoInstances: string[] = [];
for (const scenario of scenarios) {
  const result = pool([await measure([BOT_PORT, SECOND_BOT_PORT], scenario.text, 64, REQUESTS)]);
  twoInstances.push(`| ${scenario.name} | 64 | ${fmt(result.p50)} | ${fmt(result.p99)} | ${result.errors} |`);
  console.log(twoInstances.at(-1));
}
const twoMemory = `Pic de mémoire (VmHWM) des deux instances : ${peakRssMiB(bot.pid)} Mio et ${peakRssMiB(second.pid)} Mio.`;
second.kill("SIGTERM");
bot.kill("SIGTERM");
echo.kill("SIGTERM");
poster.close();
await connector.stop();

await writeResults(
  "bot-latency",
  [
    `## Latence du bot (issue 4) : \`statut\` et recherche sur ${projectCount.toLocaleString("fr-FR")} projets`,
    "",
    `Mesuré le ${new Date().toISOString()} sur ${hostname()} (${cpus().length} cœurs, ${Math.round(totalmem() / 2 ** 30)} Gio), Node ${process.version}.`,
    `Commande : \`npm run bench:bot -- --projects ${PROJECTS} --requests ${REQUESTS} --rounds ${ROUNDS}\`. Latence = du POST /api/messages à l'arrivée de la réponse au connecteur local ; ${REQUESTS} requêtes mesurées par ligne et par bot, en ${ROUNDS} tours où l'écho et le bot alternent (${WARM_UP} requêtes de chauffe avant chaque tour, et au moins une par conversation simultanée : à 64 conversations, 64 ; avant la première ligne, chaque bot a déjà reçu, sans mesure, ${WARM_UP_RUN.statut} \`statut\`, ${WARM_UP_RUN.recherche} recherches répétées et ${WARM_UP_RUN["recherche jamais vue"]} jamais vues à 16 conversations, pour que les premières lignes ne mesurent pas des serveurs encore en train de chauffer) ; le bot écho tourne sur le même adaptateur (\`createAdapter\`, qui garde ses clients sortants d'une activité à l'autre) et le même serveur, dans la même exécution. Le client de mesure poste les activités avec \`node:http\` sur des connexions gardées ouvertes : avec \`fetch\` (jusqu'au 2026-11-29 à 15 h), il prenait 0,7 à 1,1 ms de CPU par requête pour \`statut\` à 16 conversations, près d'un des deux cœurs, et 1,7 à 2,4 ms à une conversation, contre environ trois fois moins depuis, 0,2 à 0,6 ms selon la ligne et l'heure (colonne « client de mesure » ci-dessous, le plus à une conversation), et une part de ce travail comptait dans chaque latence, la même pour les deux bots : les ratios d'avant ne se comparent pas à ceux d'après. Le bot tourne avec les options de Node de \`npm start\` (\`${BOT_NODE_FLAGS.join(" ")}\` : voir les Décisions du README ; \`--node-defaults\` les retire) et ses réglages par défaut (recherches sur le fil principal, \`BOT_SEARCH_THREAD=false\`), l'écho avec les options de Node par défaut.`,
    "Objectif : p50 ≤ 1,5 × écho et p99 ≤ 2 × écho à chaque concurrence. Sur ces deux cœurs partagés (bot, PostgreSQL, client de mesure et connecteur), un même ratio p50 varie de ± 0,2 à 0,3 d'une exécution à l'autre, et la vitesse de la machine d'une heure à l'autre : le 2026-11-29, le CPU par requête de l'écho pour « recherche jamais vue » à 16 conversations est allé de 0,55 à 6 ms selon l'heure, et la première écriture dans une page mémoire coûtait 11 µs à 5 h et 2 µs à 7 h. Les p99 à 64 conversations (des centaines de millisecondes, pour un p50 d'une trentaine) varient du simple au double d'une exécution à l'autre, pour l'écho comme pour le bot. L'écho se réchauffe aussi plus longtemps que le bot : sans la chauffe d'avant la première ligne, son CPU par requête à 16 conversations baissait de moitié de la première ligne (`statut`) à la dernière (« recherche jamais vue ») d'une même exécution (1,06 puis 0,55 ms le 2026-11-29 à 14 h), si bien que les premières lignes le comparaient encore froid au bot ; avec elle, il est resté entre 0,7 et 0,9 ms d'un scénario à l'autre dans les deux mesures suivantes.",
    "",
    "Avec ce client, à 16 conversations, le ratio p50 est proche de celui du CPU des fils principaux, un peu au-dessus : le 2026-11-29 à 15 h 23 (première mesure avec lui), `statut` 1,73 pour un CPU 1,71 fois celui de l'écho, recherche répétée 1,68 pour 1,61, recherche jamais vue 1,83 pour 1,78 ; à 15 h 44, 1,47 pour 1,47, 2,74 pour 2,42 et 2,55 pour 2,27. Tenir 1,5 demande donc un fil principal du bot à moins d'environ 1,45 fois celui de l'écho : d'après la mesure de 15 h 23, 15 %, 10 % et 18 % de travail en moins par message pour le bot sur ces trois lignes. Le CPU du bot pour une même ligne change lui aussi d'une mesure à l'autre : pour la recherche répétée à 16 conversations, 0,98 ms par message sur son fil principal à 15 h 23, 1,55 à 15 h 44.",
    "",
    "Étalonnage (`npm run bench:bot -- --scenario statut --calibrate <µs>`, le 2026-11-29 entre 17 h 20 et 17 h 30, heure calme de la machine) : à la place du bot, un second écho qui calcule N µs de plus par message ; ratios p50 à 1 / 16 / 64 conversations : 100 µs, 1,15 / 1,33 / 1,41 ; 150 µs, 1,26 / 1,21 / 1,28 ; 200 µs, 1,41 / 1,67 / 1,96 ; 250 µs, 1,34 / 1,53 / 1,46 puis 1,54 / 1,73 / 1,45 ; 400 µs, 1,65 / 2,20 / 1,45. L'objectif laisse donc au bot, sur cette machine, 150 à 200 µs de travail de plus que l'écho par message (l'écho en prend 450 à 600 sur son fil principal) : avec 200 à 250 µs de plus et rien d'autre, un bot manque déjà 1,5 sur une ligne sur deux. Le même jour à 17 h 17 (mesure complète, avant que les cartes ne gardent leurs octets, voir les Décisions du README), le fil principal du bot prenait à 16 conversations environ 190 µs de plus que celui de l'écho par message pour `statut`, 170 pour la recherche répétée et 380 pour la recherche jamais vue : la recherche sur 100 000 projets et la carte de dix lignes coûtent à elles seules à peu près ce budget (environ 110 et 70 µs caches chauds, section « Recherche en mémoire, caches du processeur chauds et froids »), avant le travail de chaque message (lecture, droits, conversation, envoi).",
    "",
    "Où part le temps (profil `perf` du fil principal des deux bots, « recherche jamais vue » à 16 conversations, 8 160 messages chacun, le 2026-11-29) : 995 µs par message pour le bot, 573 pour l'écho ; l'écart tient à la recherche elle-même (environ 110 µs : mots corrigés, listes croisées, classement), au reste du travail propre du bot (environ 100 µs : lecture du message, droits, requête, carte), à la réponse plus longue (5,5 Ko au lieu de 0,5 : environ 60 µs pour la sérialiser, l'encoder et l'écrire), aux collectes (+36 µs) et au même code du Bot Framework un peu plus lent dans le bot. Le même jour, avec des interrupteurs temporaires (non gardés) dans le bot et la même commande limitée à « recherche jamais vue » à 1 et 16 conversations : le bot qui répond un écho dès le début de son tour fait jeu égal avec l'écho (ratio p50 0,77 à 1,03) ; s'il répond l'écho après son préambule (message relu, droits, conversation, caches synchronisés), 1,11 à 1,41 (CPU 1,10 à 1,17 ×) ; avec sa recherche remplacée par un résultat tout fait et une réponse en texte, 1,22 à 1,44 ; complet, 1,48 à 1,79. L'écart se répartit donc sur tout le travail propre du bot, sans poste dominant. Le même jour à 11 h 45, deux mesures de « recherche jamais vue » à 16 conversations (`--scenario`, colonnes « fil principal » ci-dessous) : le fil principal du bot prenait 1,6 à 1,7 fois le CPU de celui de l'écho, et le noyau pour lui près de deux fois plus (0,25 à 0,30 ms par requête contre 0,15 à 0,18) ; la machine est plus rapide dans la mesure ci-dessous, où la part du noyau est proche pour les deux et l'écart tient au JavaScript. Le bot faisait 2,4 fois plus de projections mémoire (`mmap`) et 3,5 fois plus de `munmap` par message que l'écho (strace, 12 s) ; chez lui, elles viennent des collectes mineures, qui prennent au système de nouvelles pages de 256 Kio pour les objets qu'elles promeuvent (perf), puis un défaut de page par page de 4 Kio écrite. Enfin la recherche et la carte coûtent sous charge à peu près ce qu'elles coûtent caches froids (section « Recherche en mémoire, caches du processeur chauds et froids ») : un ratio p50 sous 1,5 demanderait moins de mémoire lue par message, pas seulement moins d'opérations.",
    "",
    "Les collectes mineures, mesurées le 2026-11-29 (`--trace-gc-nvp`, « recherche jamais vue ») : chacune promeut dans la vieille génération 3,5 à 4,4 Mo chez le bot (environ 40 Ko par message, à 1 comme à 16 conversations) et 1,5 à 2 Mo chez l'écho (environ 22 Ko par message), et dure 14 à 25 ms chez le bot, 4 à 14 chez l'écho. Or presque rien de ce qui est promu ne reste vivant : un instantané du tas pris en pleine charge (1 conversation), allocations suivies, ne retrouve vivants que 0,2 Ko par message de ce que l'écho a alloué, et l'échantillonneur d'allocations de V8 (16 conversations) environ 8 Ko par message chez le bot (les pages et cartes gardées par son cache de lecture). Les collectes promeuvent donc surtout des objets déjà morts, qu'une collecte majeure rendra ; c'est le même mécanisme dans les deux processus, proportionné à ce que chacun alloue (environ 290 Ko par message pour le bot, 200 pour l'écho), et il pèse peu dans l'écart : dans six mesures partielles du même jour, bot contre écho, les collectes prenaient 0,20 à 0,30 ms par message au bot et 0,11 à 0,19 à l'écho, soit 0,03 à 0,11 ms de plus pour le bot, quand son fil principal prend 0,7 à 0,95 ms de plus par message. D'où vient ce qui est promu (le même jour vers 15 h, avec un pilote provisoire, non gardé, qui envoie les messages un par un à des variantes de l'écho lancées avec `--trace-gc-nvp`) : un serveur restify qui répond lui-même au connecteur ne promeut rien (0,0 Ko par message) ; le même qui passe par `CloudAdapter.process` de botbuilder, sans même répondre par l'adaptateur, 15 Ko ; l'écho complet, 22 Ko. Ce volume ne dépend ni de la taille de la jeune génération (demi-espaces de 4 ou de 64 Mio : 21 et 20 Ko par message, pour 183 et 11 collectes), ni du pré-tenurage de V8 (`--no-allocation-site-pretenuring` : 22 Ko), ni du collecteur (`--minor-mc` : 18 Ko), et il reprend dès la première collecte mineure qui suit une collecte majeure ; un instantané du tas pris sous charge ne trouve qu'un `TurnContext` vivant. Ce qui garde ainsi une part de chaque tour jusqu'à la collecte majeure suivante n'a pas été trouvé : c'est dans le Bot Framework, commun aux deux bots.",
    "",
    "La taille de la réponse ne fait pas non plus l'écart : le même jour, un bot dont les pages de liste n'avaient que cinq projets (réponses de 3,4 Ko au lieu de 5,5 ; interrupteur temporaire, non gardé) mesuré contre le bot à dix projets par page dans la même exécution (`--compare`, « recherche jamais vue ») donnait un p50 de 1,01 fois celui du bot à dix à 1 conversation et 0,95 fois à 16.",
    "",
    "La colonne « ratio p50 par tour » donne le plus petit et le plus grand des ratios p50 des tours de la ligne (chaque tour du bot rapporté au tour de l'écho mesuré juste avant) : un ratio mis en commun proche de 1,5 dont les tours passent de part et d'autre est un verdict que le bruit de la machine peut retourner.",
    "`recherche` répète cinq recherches (servies par le cache de lecture du bot après la première) ; `recherche jamais vue` n'envoie aux bots que des textes encore jamais tapés dans l'exécution (un des quinze sujets des titres et une commune, tapés de sept façons : ordre des mots, faute de frappe, « cherche », « à », virgule ; le bot écho a sa propre suite, et un texte envoyé deux fois aux bots arrêterait la mesure) : aucune page n'est gardée, la recherche en mémoire du bot fait tout le travail (mots corrigés, listes de projets croisées, classement). Le bot est mesuré une fois sa recherche en mémoire construite (`/healthz` ; avec `BOT_SEARCH_THREAD=true`, aussi la copie de son fil de recherche). Chaque conversation simultanée reste la même d'un tour et d'un scénario à l'autre, comme la conversation d'un agent avec le bot : seul son premier message enregistre la conversation, pendant une chauffe.",
    "",
    "| scénario | conversations simultanées | écho p50 (ms) | écho p99 (ms) | bot p50 (ms) | bot p99 (ms) | ratio p50 | ratio p50 par tour (min–max) | ratio p99 | erreurs |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "CPU par requête (ms, temps utilisateur + système divisé par le nombre de requêtes, chauffes comprises) : celui du processus du bot (ou de l'écho), dont celui de son fil principal (le JavaScript, sans les fils d'aide de V8 : collectes parallèles, marquage et compilation concurrents) et, dans ce dernier, la part du noyau (écritures et lectures sur les sockets, mémoire prise au système : défauts de page, projections), et celui de tous les processus PostgreSQL pendant la même mesure ; taille moyenne du corps des réponses reçues par le connecteur ; défauts de page mineurs du processus par requête (chaque première écriture dans une page mémoire que le système vient de lui donner : un tas qui grandit, des pages que le ramasse-miettes a rendues puis redemande) ; CPU du client de mesure (le processus du banc : il poste les activités et reçoit les réponses au connecteur local), qui prend sa part des deux mêmes cœurs.",
    "",
    "| scénario | conversations simultanées | écho | dont fil principal (écho) | dont système (écho) | PostgreSQL (écho) | bot | dont fil principal (bot) | dont système (bot) | PostgreSQL (bot) | octets par réponse (écho) | octets par réponse (bot) | défauts de page (écho) | défauts de page (bot) | client de mesure (écho) | client de mesure (bot) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...cpuRows,
    "",
    memory,
    "",
    collections,
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

interface Measure {
  latencies: number[];
  errors: number;
  requests: number;
  /** CPU used meanwhile (ms): the process measured, then every PostgreSQL process. */
  cpu: number;
  /** The part of `cpu` used by the process's main thread, and the kernel's share of it. */
  mainCpu: number;
  mainSystemCpu: number;
  postgresCpu: number;
  replyBytes: number;
  /** Minor page faults of the process measured meanwhile. */
  faults: number;
  /** CPU used meanwhile by this client and its connector stand-in (ms). */
  clientCpu: number;
}

/** One round: `count` measured requests after a warm-up, `concurrency` conversations at once. */
async function measure(
  ports: number | number[],
  text: (i: number, port: number) => string,
  concurrency: number,
  count: number,
  pid?: number,
): Promise<Measure> {
  const targets = Array.isArray(ports) ? ports : [ports];
  const cpuBefore = processCpuMs(pid);
  const mainBefore = mainThreadCpuMs(pid);
  const faultsBefore = processMinorFaults(pid);
  const postgresBefore = processesCpuMs("postgres");
  const bytesBefore = connector.receivedBytes;
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  // Every conversation's first request of the round is a warm-up: at 64 conversations, 20 would
  // leave 44 first requests measured (new connections, and in the first round a conversation's
  // first message, which stores it).
  const warmUp = Math.max(WARM_UP, concurrency);
  const total = count + warmUp;
  const worker = async (lane: number) => {
    const conversationId = `a:bench-${lane}-${RUN_ID}`;
    while (next < total) {
      const i = next++;
      const port = targets[(lane + i) % targets.length] as number;
      const activity = message(conversationId, text(i, port));
      const reply = connector.expectReply(activity.id);
      const start = performance.now();
      try {
        const status = await poster.post(`http://127.0.0.1:${port}/api/messages`, JSON.stringify(activity));
        if (status < 200 || status > 299) throw new Error(String(status));
        const at = await reply;
        if (i >= warmUp) latencies.push(at - start);
      } catch {
        errors += 1;
      }
    }
  };
  const clientBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, (_, lane) => worker(lane)));
  const clientUsed = process.cpuUsage(clientBefore);
  const mainAfter = mainThreadCpuMs(pid);
  return {
    latencies,
    errors,
    requests: total,
    cpu: processCpuMs(pid) - cpuBefore,
    mainCpu: mainAfter.total - mainBefore.total,
    mainSystemCpu: mainAfter.system - mainBefore.system,
    postgresCpu: processesCpuSince(postgresBefore, "postgres"),
    replyBytes: connector.receivedBytes - bytesBefore,
    faults: processMinorFaults(pid) - faultsBefore,
    clientCpu: (clientUsed.user + clientUsed.system) / 1000,
  };
}

/** The rounds of one side pooled: percentiles over every measured request, costs per request. */
function pool(rounds: Measure[]) {
  const latencies = rounds.flatMap((r) => r.latencies);
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const perRequest = (pick: (r: Measure) => number) => rounds.reduce((sum, r) => sum + pick(r), 0) / requests;
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    cpu: perRequest((r) => r.cpu),
    mainCpu: perRequest((r) => r.mainCpu),
    mainSystemCpu: perRequest((r) => r.mainSystemCpu),
    postgresCpu: perRequest((r) => r.postgresCpu),
    replyBytes: perRequest((r) => r.replyBytes),
    faults: perRequest((r) => r.faults),
    clientCpu: perRequest((r) => r.clientCpu),
  };
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

function fmtCpu(ms: number): string {
  return ms.toFixed(2).replace(".", ",");
}

function fmt(ms: number): string {
  return ms.toFixed(1).replace(".", ",");
}

/**
 * Up, with every project in its search memory and in its search thread's copy (both built
 * in the background after the start): a measurement started earlier would count the
 * thread's build, its rows read from PostgreSQL and its index made, against the bot.
 */
async function searchesFromMemory(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  const health = (await response.json()) as { recherche?: string; filDeRecherche?: string };
  const threadSettled = health.filDeRecherche === "prêt" || health.filDeRecherche === "désactivé";
  return response.ok && Boolean(health.recherche?.startsWith("en mémoire")) && threadSettled;
}

/** `--compare`'s « NAME=valeur NAME2=valeur » as environment variables. */
function parseAssignments(text: string): Record<string, string> {
  const pairs = text.split(/\s+/).filter(Boolean);
  if (pairs.length === 0)
    throw new Error('--compare attend des variables, par exemple --compare "BOT_SEARCH_THREAD=true"');
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new Error(`--compare : « ${pair} » n'est pas de la forme NOM=valeur`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}
