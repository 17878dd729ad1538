import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allCommands } from "../../bot/commands/route-command.ts";
import { MAX_BODY_BYTES } from "../../bot/server.ts";
import { cardActions } from "../../bot/teams/card-actions.ts";
import { seed } from "../../prisma/seed.ts";
import { AGENTS } from "../../prisma/seed-data/agents.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { LocalTokenService } from "../support/local-token-service.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { BOT, teamsMessage } from "../support/teams-activity.ts";
import { executeAction, teamsInvoke } from "../support/teams-invoke.ts";
import { testConfig } from "../support/test-config.ts";

/*
 * Hostile input, over the real HTTP server: thousands of generated messages, card
 * submissions, message-extension queries and malformed activities. Deterministic: the
 * PRNG is seeded (FUZZ_SEED to replay another run) and every failure names the seed and
 * the request index.
 *
 * Status codes allowed: 200 for every activity the bot accepts; 400 for an activity or an
 * invoke value the protocol layer refuses (malformed JSON, missing conversation, invoke
 * without value, malformed extension parameters); 413 for bodies over the limit. No 5xx.
 *
 * ConversationReference rows are expected: the bot remembers the address of every
 * conversation that reaches it (to post proactively later), whatever the command says.
 * They are left out of the « nothing written » snapshot (a content hash of every other
 * table), and checked apart: every new row belongs to a fuzz conversation whose activity
 * reached the turn, none to an activity refused before it.
 *
 * Users: a READER (local mode, seeded agent) may send anything, valid or not: nothing may
 * be written. An unknown user needs the server with credentials (in local mode everyone is
 * an admin). An AGENT gets only requests invalid by construction (no existing reference,
 * malformed amounts and dates, no « envoyer »/« tenu 12 »…): the row counts are read after
 * each of its requests, one at a time, so a write names its request.
 *
 * Replies must be French: no English error text, no stack trace, and no « erreur
 * inattendue » (the last-resort answer of a crashed turn).
 */

const NOW = new Date("2026-11-28T09:00:00Z");
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const READER = AGENTS.find((a) => a.role === "READER" && a.active)!;
const AGENT = AGENTS.find((a) => a.role === "AGENT" && a.active)!;
const STRANGER = { name: "Paul Inconnu", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e40" };
const ENGLISH = [
  /\bError\b/,
  /\bundefined\b/,
  /TypeError/,
  /Cannot read/,
  /\[object Object\]/,
  /\bat \S+ \(.*:\d+:\d+\)/,
  /\bNaN\b/,
  /Prisma/,
  /Invalid `/,
  // French, but the sign of a crash caught by the last-resort handlers (onTurnError, card actions).
  /erreur inattendue/,
];
const ACCEPTED_STATUSES = new Set([200, 400]);

let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
/** The same server with credentials: there an unknown user is unknown (in local mode everyone is admin). */
let securedBot: RunningBot;
let tokens: LocalTokenService;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  schema = await freshSchema("fuzz");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
  tokens = await new LocalTokenService().start();
  const secured = tokens.config({ DATABASE_SCHEMA: schema.schema });
  securedBot = await startBot(secured, schema.db, () => NOW, {
    adapterOptions: { credentialsFactory: tokens.outgoingCredentials(secured) },
  });
});

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await bot?.close();
  await securedBot?.close();
  await tokens?.stop();
  await connector?.stop();
  await schema?.drop();
});

/** mulberry32: small, fast, seedable; the same seed replays the same run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(
    readonly random: () => number,
    /** False for the agent part: nothing it generates may designate a real row or a valid action. */
    readonly mayBeValid: boolean,
  ) {}
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }

  unicode(): string {
    const pieces = [
      "\u202Eevil\u202C",
      "مرحبا بالعالم",
      "שלום",
      "👩‍👩‍👧‍👦🔥💶",
      "\u200B\u200C\u200D\uFEFF",
      "\u0000",
      "a\u0000b",
      "\uD800",
      "\uDFFF",
      "e\u0301\u0301\u0301",
      "Ｆａｃｔｕｒｅ",
      "\u2028\u2029",
      "\t\v\f",
      "𝕏𝕐",
      "ǅ",
      "ß",
      "İ",
    ];
    let out = "";
    const n = 1 + this.int(4);
    for (let i = 0; i < n; i++) {
      out += this.chance(0.5) ? this.pick(pieces) : String.fromCodePoint(1 + this.int(0x2ffff));
    }
    return out.replace(/[\uD800-\uDFFF]/g, (c) => (this.chance(0.5) ? c : ""));
  }

  number(): string {
    return this.pick([
      "-1 234,50 €",
      "1e308",
      "-1e308",
      "1e-308",
      "99999999999999999999999",
      "9".repeat(400),
      "Infinity",
      "-0",
      "0,000001 €",
      "12,34,56",
      "1.234.567,89.1",
      "€",
      "- 5 €",
      "1 234,5 € €",
      "0x1F",
      "٣٤٥",
      "１２３ €",
      "12 345,678 €",
      "-2147483649",
      "9007199254740993",
    ]);
  }

  reference(): string {
    const invalid = ["2099-999", "1900-001", "2022-", "-017", "2022-0170000000000", "0000-000", "2022_017", "20a2-017"];
    if (this.mayBeValid && this.chance(0.5))
      return this.pick(["2022-017", "2021-003", "2024-010", "2019-001", "2022-17"]);
    return this.pick(invalid);
  }

  date(): string {
    return this.pick([
      "31/02/2026",
      "00/00/0000",
      "99/99/9999",
      "2026-13-45",
      "12/03/-2026",
      "25:61",
      "99:99",
      "18:00-17:00",
    ]);
  }

  fragment(): string {
    return this.pick([
      `'; DROP TABLE "Project";--`,
      "%' OR 1=1 --",
      `" OR ""="`,
      "\\'; SELECT pg_sleep(5);--",
      "$1 $2 $" + "{}",
      "<script>alert(1)</script>",
      `<img src=x onerror="alert(1)">`,
      "<at>BPC40</at>",
      "**gras** _it_ [lien](javascript:alert(1))",
      "{{name}}",
      "Dupont\r\nBcc: victime@example.org",
      "Nom\r\n\r\n<html>",
      "../../../etc/passwd",
      "%00%0d%0a",
      "__proto__",
      "constructor",
      '{"$ne":1}',
      "a".repeat(3000),
      "é".repeat(1500),
      "mot".repeat(800),
    ]);
  }

  word(): string {
    const words = [
      "montant",
      "signée",
      "porteur",
      "département",
      "annuler",
      "modifier",
      "acompte",
      "solde",
      "prévu",
      "mandat",
      "le",
      "du",
      "au",
      "conforme",
      "non-conforme",
      "astre",
      "libres",
      "statut",
      "réalisé",
      "jeunes",
      "en retard",
      "rôle",
      "ajouter",
      "retirer",
      "lecteur",
    ];
    // Words that make a short command valid on their own: only where a write is allowed.
    const actions = ["envoyer", "réessayer", "tout", "tenu", "12", "1", "3"];
    return this.mayBeValid ? this.pick([...words, ...actions]) : this.pick(words);
  }

  argument(): string {
    switch (this.int(6)) {
      case 0:
        return this.unicode();
      case 1:
        return this.number();
      case 2:
        return this.reference();
      case 3:
        return this.date();
      case 4:
        return this.fragment();
      default:
        return this.word();
    }
  }

  separator(): string {
    return this.pick([" ", " ", " ", "  ", "\t", "\n", "\r\n", "", "\u00A0", "\u3000"]);
  }

  commandText(): string {
    if (!this.mayBeValid && this.chance(0.3)) return this.moneyLine();
    const command = this.pick(allCommands);
    let text = this.pick(command.triggers);
    if (this.chance(0.2)) text = text.toUpperCase();
    const n = this.int(7);
    for (let i = 0; i < n; i++) text += this.separator() + this.argument();
    // In the agent part every write needs an amount, a date or a row: make one malformed for sure.
    if (!this.mayBeValid) text += ` ${this.reference()} ${this.number()} ${this.date()}`;
    return text;
  }

  /**
   * A real project with an amount that is malformed for sure: the parsers of invoices,
   * payments and agreements must refuse it, and nothing may be written.
   */
  moneyLine(): string {
    const amount = this.pick([
      "-1 234,50 €",
      "1e308 €",
      "99999999999999999999999 €",
      "12,34,56 €",
      "1.234.567,89.1 €",
      "€",
      "- 5 €",
      "0x1F €",
      "-2147483649 €",
      "Infinity €",
      "1 234,50 € -1",
    ]);
    const tail = this.chance(0.5) ? ` ${this.word()}` : "";
    return this.pick([
      `facture 2022-017 ${this.pick(["Décathlon", this.unicode(), this.fragment()])} F-${this.int(9999)} ${amount} conforme${tail}`,
      `versement 2022-017 ${this.pick(["acompte", "solde", "prévu"])} ${amount} mandat M2026-00${this.int(9999)} le 12/03/2026`,
      `convention 2022-017 montant ${amount}`,
    ]);
  }

  /** A JSON value of any type, deep or huge at times. */
  value(depth = 0): unknown {
    switch (this.int(depth > 2 ? 7 : 10)) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick(
          this.mayBeValid
            ? [0, 1, 2, 3, 12, -1, 1e308, -1e308, 2 ** 53, 0.5, 1e20]
            : [-1, 1e308, -1e308, 2 ** 53 + 2, 0.5, 1e20, -0, 2147483648],
        );
      case 3:
        return this.argument();
      case 4:
        return this.reference();
      case 5:
        return "x".repeat(this.pick([0, 1, 5000, 100_000]));
      case 6:
        return this.number();
      case 7:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      case 8:
        return { [this.pick(FIELDS)]: this.value(depth + 1), nested: { deeper: [this.value(depth + 1)] } };
      default:
        return { $ne: 1, toString: "x", ["__proto__"]: { polluted: true } };
    }
  }

  cardData(): unknown {
    if (this.chance(0.1)) return this.pick([null, "chaîne", 42, [1, 2], true]);
    const data: Record<string, unknown> = {};
    const n = this.int(8);
    for (let i = 0; i < n; i++) data[this.pick(FIELDS)] = this.value();
    return data;
  }

  /** The `value` of an `adaptiveCard/action` invoke: mostly well-formed with junk data, sometimes broken. */
  cardValue(): unknown {
    const verb = this.pick(Object.keys(cardActions));
    switch (this.int(10)) {
      case 0:
        return { action: { type: "Action.Execute", verb: this.value() } };
      case 1:
        return { action: this.value() };
      case 2:
        return this.value();
      default:
        return executeAction(verb, this.cardData(), this.chance(0.2) ? this.unicode() : "Action");
    }
  }

  extensionValue(): unknown {
    switch (this.int(6)) {
      case 0:
        return this.value();
      case 1:
        return { commandId: this.value(), parameters: this.value() };
      default:
        return {
          commandId: this.chance(0.85) ? "rechercherProjet" : this.unicode(),
          parameters: this.chance(0.8)
            ? [
                {
                  name: this.pick(["texte", "searchText", "autre"]),
                  value: this.chance(0.8) ? this.argument() : this.value(),
                },
              ]
            : this.value(),
          queryOptions: this.chance(0.5)
            ? { skip: this.value(), count: this.value() }
            : { skip: this.pick([0, 5, 1e15, -1, 2 ** 53]), count: this.pick([1, 10, 0, -5, 1e9]) },
        };
    }
  }
}

const FIELDS = [
  "reference",
  "eventId",
  "query",
  "page",
  "supplier",
  "number",
  "invoiceDate",
  "amount",
  "eligible",
  "outcome",
  "missingItems",
  "comment",
  "kind",
  "title",
  "date",
  "start",
  "end",
  "roomId",
  "address",
  "description",
  "groups",
  "extraEmails",
  "__proto__",
  "constructor",
];

type Sender = { name: string; aadObjectId: string };

interface FuzzRequest {
  label: string;
  /** The JSON body, or a raw string. */
  body: unknown;
  /** Conversation to collect the replies of, when the bot replies by message. */
  conversationId?: string;
}

/** Builds request number `index` of a part: a message, a card action, a search or a broken activity. */
function generate(gen: Gen, from: Sender, serviceUrl: string, withBroken = true): FuzzRequest {
  const as = (activity: Record<string, unknown>) => ({
    ...activity,
    from: { id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId },
  });
  const kind = gen.int(withBroken ? 20 : 18);
  if (kind < 10) {
    const text = gen.commandText();
    const mention = gen.chance(0.15);
    const activity = as(
      teamsMessage({
        serviceUrl,
        text,
        mention,
        conversationType: mention ? "channel" : "personal",
        // teamsMessage names a channel thread after Date.now(): unique here, so replies are not mixed up.
        ...(mention ? { conversationId: `19:dpi-general@thread.tacv2;messageid=${randomUUID()}` } : {}),
      }),
    );
    return { label: `message ${JSON.stringify(text.slice(0, 200))}`, body: activity, conversationId: idOf(activity) };
  }
  if (kind < 15) {
    const value = gen.cardValue();
    return {
      label: `adaptiveCard/action ${JSON.stringify(value)?.slice(0, 300)}`,
      ...invoke(as(teamsInvoke({ serviceUrl, name: "adaptiveCard/action", value }))),
    };
  }
  if (kind < 18) {
    const value = gen.extensionValue();
    return {
      label: `composeExtension/query ${JSON.stringify(value)?.slice(0, 300)}`,
      ...invoke(as(teamsInvoke({ serviceUrl, name: "composeExtension/query", value }))),
    };
  }
  // A broken activity: a field removed or given the wrong type, or not JSON at all.
  const base = as(
    gen.chance(0.5)
      ? teamsMessage({ serviceUrl, text: gen.commandText() })
      : teamsInvoke({
          serviceUrl,
          name: gen.pick(["adaptiveCard/action", "composeExtension/query", "task/fetch"]),
          value: gen.value(),
        }),
  );
  if (gen.chance(0.1)) {
    const raw = gen.pick(["{pas du json", "", "null", "[]", "42", '"texte"', '{"type":', "\u0000"]);
    return { label: `raw ${JSON.stringify(raw)}`, body: raw };
  }
  const broken: Record<string, unknown> = { ...base };
  if (gen.chance(0.2)) {
    const nested = gen.pick(["from", "recipient", "conversation"]);
    const key = gen.pick(["id", "name", "aadObjectId", "conversationType", "tenantId"]);
    broken[nested] = { ...(broken[nested] as object), [key]: gen.chance(0.5) ? gen.unicode() : gen.value() };
    return {
      label: `broken ${nested}.${key}=${JSON.stringify((broken[nested] as Record<string, unknown>)[key])?.slice(0, 200)}`,
      body: broken,
      conversationId: typeof (broken.conversation as { id?: unknown })?.id === "string" ? idOf(broken) : undefined,
    };
  }
  const field = gen.pick([
    "type",
    "conversation",
    "from",
    "recipient",
    "channelData",
    "text",
    "value",
    "name",
    "serviceUrl",
    "entities",
    "attachments",
    "id",
    "channelId",
  ]);
  if (gen.chance(0.4)) delete broken[field];
  else broken[field] = gen.value();
  if (broken.serviceUrl !== serviceUrl) broken.serviceUrl = serviceUrl; // never let the bot reach another host
  return {
    label: `broken ${field}=${JSON.stringify(broken[field])?.slice(0, 200)}`,
    body: broken,
    conversationId: typeof (broken.conversation as { id?: unknown })?.id === "string" ? idOf(broken) : undefined,
  };
}

function invoke(activity: Record<string, unknown>): Pick<FuzzRequest, "body" | "conversationId"> {
  return { body: activity, conversationId: idOf(activity) };
}

function idOf(activity: Record<string, unknown>): string {
  return (activity.conversation as { id: string }).id;
}

/** Content hash of every table but ConversationReference (and the migrations'). */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await schema.db.$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
    schema.schema,
  );
  const result: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    if (table === "ConversationReference" || table.startsWith("_prisma")) continue;
    const [row] = await schema.db.$queryRawUnsafe<{ n: bigint; h: string }[]>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`,
    );
    result[table] = `${row?.n} ${row?.h}`;
  }
  return result;
}

/** Row counts of the business tables, in one query (cheap enough to run after each request). */
async function counts(): Promise<string> {
  const tables = ["Project", "Invoice", "InvoiceCheck", "Payment", "Agreement", "Event", "Invitation"];
  const more = ["Notification", "Agent", "AuditLog", "Holder", "EmailOptOut"];
  const sql = `SELECT ${[...tables, ...more].map((t) => `(SELECT count(*) FROM "${t}")::text`).join(" || ',' || ")} AS c`;
  const [row] = await schema.db.$queryRawUnsafe<{ c: string }[]>(sql);
  return row?.c ?? "";
}

/** Every text the bot shows for this request: message replies and the invoke's answer body. */
function shownTexts(request: FuzzRequest, answerBody: string): string[] {
  const replies = request.conversationId
    ? connector.activities
        .filter((a) => a.conversationId === request.conversationId)
        .map((a) => JSON.stringify(a.activity))
    : [];
  return [answerBody, ...replies];
}

interface PartResult {
  failures: string[];
  /** Conversations of the activities that reached the bot's turn (whatever it answered). */
  reached: Set<string>;
  /** Conversations of the activities refused before the turn (checkActivity, JSON parser). */
  refused: Set<string>;
  writes: string[];
  /** How many requests were sent before the time budget ran out. */
  sent: number;
}

/** A 400 from the protocol layer (server.ts, check-activity.ts) rather than from a handler. */
const REFUSED_BEFORE_TURN = /^\{"error":"(Le corps|Le champ|Requête invalide|Activité Bot Framework invalide)/;

/**
 * Sends `total` generated requests as `from`, `concurrency` at a time, and checks each:
 * status, French answers, and (with `trackWrites`) the row counts after each request.
 */
interface FuzzPart {
  label: string;
  gen: Gen;
  from: Sender;
  total: number;
  concurrency: number;
  /** Counts the rows after each request (then `concurrency` must be 1 to know which one wrote). */
  trackWrites: boolean;
  /** Time budget (the seed alone takes ~20 s on a busy 2-core machine): fewer requests, never longer. */
  budgetMs: number;
  /** The server with credentials: requests carry a token; no broken activities (they would fail auth first). */
  secured?: boolean;
}

async function fuzz({ label, gen, from, total, concurrency, trackWrites, budgetMs, secured = false }: FuzzPart) {
  const result: PartResult = { failures: [], reached: new Set(), refused: new Set(), writes: [], sent: 0 };
  // Bounded in time on a loaded machine: the requests are the same, only fewer of them are sent.
  const deadline = Date.now() + budgetMs;
  const requests = Array.from({ length: total }, () => generate(gen, from, connector.url, !secured));
  const target = secured ? securedBot : bot;
  let next = 0;
  let before = trackWrites ? await counts() : "";
  const worker = async () => {
    while (next < requests.length && Date.now() < deadline) {
      const index = next++;
      result.sent++;
      const request = requests[index]!;
      const where = `[${label} seed=${SEED} #${index}] ${request.label}`;
      const response = secured
        ? await target.post(request.body, tokens.authorize(request.body as Record<string, unknown>))
        : await target.post(request.body);
      const answer = await response.text();
      const size = Buffer.byteLength(typeof request.body === "string" ? request.body : JSON.stringify(request.body));
      const expected = size > MAX_BODY_BYTES ? new Set([413]) : ACCEPTED_STATUSES;
      if (!expected.has(response.status))
        result.failures.push(`${where} → HTTP ${response.status} ${answer.slice(0, 300)}`);
      if (request.conversationId) {
        const refused = response.status === 400 && REFUSED_BEFORE_TURN.test(answer);
        (refused ? result.refused : result.reached).add(request.conversationId);
      }
      if (response.status === 200 && request.conversationId) {
        const isMessage = (request.body as { type?: unknown }).type === "message";
        if (isMessage)
          await connector
            .waitFor(1, request.conversationId, 5000)
            .catch(() => result.failures.push(`${where} → pas de réponse`));
      }
      for (const text of shownTexts(request, answer)) {
        const english = ENGLISH.find((pattern) => pattern.test(text));
        if (english) result.failures.push(`${where} → texte non français (${english}) : ${text.slice(0, 400)}`);
      }
      if (trackWrites) {
        const after = await counts();
        if (after !== before) result.writes.push(`${where} → lignes ${before} ⇒ ${after}`);
        before = after;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

describe(`fuzz: hostile input to the bot server (seed ${SEED})`, () => {
  it("as a READER: up to 2 000 generated requests, no 5xx, French answers, nothing written", async () => {
    const before = await snapshot();
    const known = new Set((await schema.db.conversationReference.findMany()).map((r) => r.conversationId));
    const { failures, reached, refused, sent } = await fuzz({
      label: "lecteur",
      gen: new Gen(mulberry32(SEED), true),
      from: READER,
      total: 2000,
      concurrency: 4,
      trackWrites: false,
      budgetMs: 14_000,
    });
    expect(sent, `seed ${SEED}: ${sent} requêtes envoyées dans le temps imparti`).toBeGreaterThanOrEqual(400);
    expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} échecs`).toEqual([]);
    expect(await snapshot(), `seed ${SEED}: une requête d'un lecteur a écrit`).toEqual(before);
    const added = (await schema.db.conversationReference.findMany())
      .map((r) => r.conversationId)
      .filter((id) => !known.has(id));
    expect(
      added.filter((id) => !reached.has(id) || refused.has(id)),
      `seed ${SEED}`,
    ).toEqual([]);
  }, 120_000);

  it("as an AGENT: up to 700 invalid-by-construction requests, none writes a row", async () => {
    const before = await snapshot();
    const { failures, writes, sent } = await fuzz({
      label: "agent",
      gen: new Gen(mulberry32(SEED + 1), false),
      from: AGENT,
      total: 700,
      concurrency: 1,
      trackWrites: true,
      budgetMs: 10_000,
    });
    expect(sent, `seed ${SEED}: ${sent} requêtes envoyées dans le temps imparti`).toBeGreaterThanOrEqual(150);
    expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} échecs`).toEqual([]);
    expect(writes, `seed ${SEED}: requêtes invalides qui ont écrit`).toEqual([]);
    expect(await snapshot(), `seed ${SEED}: une requête invalide d'un agent a modifié une table`).toEqual(before);
  }, 120_000);

  it("as an unknown user (authenticated, no agent row): up to 400 requests, French refusals, nothing written", async () => {
    const before = await snapshot();
    const { failures, sent } = await fuzz({
      label: "inconnu",
      gen: new Gen(mulberry32(SEED + 2), true),
      from: STRANGER,
      total: 400,
      concurrency: 4,
      trackWrites: false,
      budgetMs: 6_000,
      secured: true,
    });
    expect(sent, `seed ${SEED}: ${sent} requêtes envoyées dans le temps imparti`).toBeGreaterThanOrEqual(100);
    expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} échecs`).toEqual([]);
    expect(await snapshot(), `seed ${SEED}: une requête d'un inconnu a écrit`).toEqual(before);
  }, 120_000);

  it("refuses 1 MB bodies with 413, stays up, and no promise was left rejected", async () => {
    const big = "x".repeat(1024 * 1024);
    for (const body of [
      teamsMessage({ serviceUrl: connector.url, text: big }),
      teamsInvoke({
        serviceUrl: connector.url,
        name: "adaptiveCard/action",
        value: executeAction("invoice.save", { comment: big }),
      }),
      teamsInvoke({
        serviceUrl: connector.url,
        name: "composeExtension/query",
        value: { commandId: "rechercherProjet", parameters: [{ name: "texte", value: big }] },
      }),
      `{"type":"message","text":"${big}`,
    ]) {
      const response = await bot.post(body);
      expect(response.status, `seed ${SEED}`).toBe(413);
    }
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(rejections.map(String), `seed ${SEED}: rejets non gérés`).toEqual([]);
  });
});

describe("bugs the fuzz found (regressions)", () => {
  it("refuses with 400 an activity whose id or channelId is not a string, before running anything", async () => {
    // Accepted before: the command ran (and could write), then the reply failed to serialise: no answer at all.
    const references = await schema.db.conversationReference.count();
    for (const patch of [{ id: 3 }, { id: [] }, { channelId: 0 }, { replyToId: {} }, { locale: 1e308 }]) {
      const activity = { ...teamsMessage({ serviceUrl: connector.url, text: "aide" }), ...patch };
      const response = await bot.post(activity);
      expect(response.status, JSON.stringify(patch)).toBe(400);
      expect((await response.json()).error).toMatch(/^Le champ « \w+ » doit être une chaîne\.$/);
    }
    // Crashed the turn (« erreur inattendue ») or left the reply unsendable.
    for (const patch of [
      { recipient: undefined },
      { entities: null },
      { entities: "-1e308" },
      { entities: ["texte", null] },
      { id: "x".repeat(5000) },
      // Stored in the conversation reference: PostgreSQL refused them and the turn failed.
      { channelId: "\ud83d" },
      // Not strings, or not fit for an HTTP header: the reply could not be sent.
      { from: { id: true, name: "x" } },
      { recipient: { id: BOT.id, name: 12 } },
      { conversation: { id: "a:1", conversationType: [2] } },
      { conversation: { id: "שלום" } },
      { from: { id: "29:x", name: "a\u0000b", aadObjectId: AGENT.aadObjectId } },
    ]) {
      const activity = { ...teamsMessage({ serviceUrl: connector.url, text: "aide" }), ...patch };
      const response = await bot.post(activity);
      expect(response.status, JSON.stringify(patch).slice(0, 80)).toBe(400);
      expect((await response.json()).error).toMatch(/^(Le champ|Un identifiant|L'activité contient)/);
    }
    expect(await schema.db.conversationReference.count()).toBe(references);
  });

  it("answers a message-extension query with a huge or unsafe skip instead of failing with 501", async () => {
    for (const skip of [1e308, 2 ** 53, 1e15]) {
      const value = {
        commandId: "rechercherProjet",
        parameters: [{ name: "texte", value: "skatepark" }],
        queryOptions: { skip, count: 10 },
      };
      const response = await bot.post(
        teamsInvoke({ serviceUrl: connector.url, name: "composeExtension/query", value }),
      );
      expect(response.status, String(skip)).toBe(200);
      expect((await response.json()).composeExtension.type).toMatch(/^(result|message)$/);
    }
  });

  it("answers a card action whose eventId is an object with its own toString in French, without crashing", async () => {
    // Number({ toString: "x" }) throws: the card answered « erreur inattendue ».
    for (const verb of ["event.refresh", "event.held"]) {
      for (const eventId of [{ toString: "x" }, { valueOf: 1 }, "1e3", 2 ** 40]) {
        const value = executeAction(verb, { eventId });
        const response = await bot.post(teamsInvoke({ serviceUrl: connector.url, name: "adaptiveCard/action", value }));
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text, `${verb} ${JSON.stringify(eventId)}`).not.toContain("erreur inattendue");
        expect(text).toMatch(/Cet événement n'existe plus|Cette action ne désigne aucun événement|réservé/);
      }
    }
  });

  it("answers an event number too big for PostgreSQL in French instead of crashing the turn", async () => {
    const from = { id: "29:julien", name: AGENT.name, aadObjectId: AGENT.aadObjectId };
    for (const text of [
      "événement 9007199254740993",
      "événement tenu 99999999999",
      'événement annuler 99999999999 "pluie"',
      "événement modifier 99999999999 16/06/2027 18:00-20:00 Salle des commissions",
    ]) {
      const activity = teamsMessage({ serviceUrl: connector.url, text, from });
      const response = await bot.post(activity);
      expect(response.status).toBe(200);
      const [reply] = await connector.waitFor(1, idOf(activity));
      expect(String(reply?.activity.text), text).not.toContain("erreur inattendue");
      expect(String(reply?.activity.text), text).toMatch(/Exemple|Je n'ai pas compris|événement/);
    }
  });
});
