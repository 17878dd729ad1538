import type { ChildProcess } from "node:child_process";
import { Agent, type IncomingHttpHeaders, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { freePorts, processEnv, spawnBot, waitForBot } from "../support/spawn-bot.ts";
import { waitForExit } from "../support/spawn-worker.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

/**
 * SIGTERM to a real bot process while turns are in flight: Teams' replies are held at the
 * connector stand-in, so every turn is provably still running when the signal arrives.
 */
const IN_FLIGHT = 6;
// A seeded agent (prisma/seed-data/agents.ts): recording an invoice check is an audited write.
const JULIEN = { id: "29:person-2", name: "Julien Lartigau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e02" };
const prefix = redisPrefix("bot-sigterm");
const base = testConfig();
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: ChildProcess;
let url = "";
// Keep-alive, as the Bot Framework's front end: connections stay open between requests.
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

/** POSTs an activity to `bot`; `fresh` opens a new connection instead of reusing a kept-alive one. */
function post(activity: Record<string, unknown>, fresh = false, bot = url): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(activity);
    const req = request(
      `${bot}/api/messages`,
      {
        method: "POST",
        agent: fresh ? false : agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** GET /healthz on a new connection (it needs no reply from Teams, so it never waits on the hold). */
function fetchHealth(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

function invoiceLine(i: number, label: string) {
  return teamsMessage({
    serviceUrl: connector.url,
    text: `facture 2022-017 Bricoman ${label}-${i} 100 conforme`,
    conversationId: `a:sigterm-${label}-${i}`,
    from: JULIEN,
  });
}

beforeAll(async () => {
  schema = await freshSchema("bot_sigterm");
  // Seeded around the real clock: the bot process reads the real time.
  await seed(schema.db, { now: new Date() });
  connector = await new ConnectorStandIn().start();
  const [port] = await freePorts(1);
  url = `http://127.0.0.1:${port}`;
  bot = spawnBot({
    ...processEnv(schema, { url: base.REDIS_URL, prefix }, port),
    // Far above what the test needs: a forced exit (code 1) means the stop got stuck.
    BOT_SHUTDOWN_GRACE_MS: "60000",
  });
  await waitForBot(url);
}, 60_000);

afterAll(async () => {
  if (bot && bot.exitCode === null && !bot.signalCode) bot.kill("SIGKILL");
  if (bot) await waitForExit(bot);
  agent.destroy();
  await connector?.stop();
  await schema?.drop();
  await deleteRedisPrefix(base.REDIS_URL, prefix);
});

describe("SIGTERM to a bot under load", () => {
  it("refuses new connections, answers every turn in flight (replies reach Teams), writes whole rows, exits 0", {
    timeout: 90_000,
  }, async () => {
    // Warm-up: connections kept alive and idle when the signal comes.
    const warm = [1, 2].map((i) => invoiceLine(i, "WARM"));
    for (const answer of await Promise.all(warm.map((a) => post(a)))) expect(answer.status).toBe(200);
    await connector.waitFor(2);

    let release: () => void = () => {};
    connector.hold = new Promise((resolve) => {
      release = resolve;
    });
    const activities = Array.from({ length: IN_FLIGHT }, (_, i) => invoiceLine(i + 1, "LOAD"));
    const answers = activities.map((a) => post(a));
    // Every turn has written its invoice check and is waiting for Teams to take its reply.
    await waitUntil(
      () => connector.held.filter((a) => a.type === "message").length >= IN_FLIGHT,
      "toutes les réponses en attente au connecteur",
      30_000,
    );

    bot.kill("SIGTERM");
    // The listening socket closes: a new connection is refused while the turns still run.
    await waitUntil(
      () =>
        fetchHealth().then(
          () => false,
          (error: NodeJS.ErrnoException) => error.code === "ECONNREFUSED",
        ),
      "connexion refusée après SIGTERM",
      30_000,
    );
    const late = await post(invoiceLine(1, "LATE"), true).catch((error: NodeJS.ErrnoException) => error.code);
    expect(late).toBe("ECONNREFUSED");
    expect(bot.exitCode).toBeNull();

    release();
    connector.hold = null;
    const settled = await Promise.all(answers);
    for (const answer of settled) {
      expect(answer.status).toBe(200);
      // Kept-alive connections are closed after their last answer: nothing holds the process.
      expect(answer.headers.connection).toBe("close");
    }
    await waitForExit(bot);
    expect(bot.exitCode).toBe(0);

    for (const activity of activities) {
      const replies = connector.activities.filter((a) => a.replyToId === activity.id && a.activity.type === "message");
      expect(replies).toHaveLength(1);
    }
    // Each accepted invoice check is there with its audit line; nothing from refused requests.
    const checks = await schema.db.invoiceCheck.findMany({ include: { invoice: true } });
    const numbers = checks.map((c) => c.invoice.number).sort();
    const loadNumbers = Array.from({ length: IN_FLIGHT }, (_, i) => `LOAD-${i + 1}`);
    expect(numbers.filter((n) => /^(LOAD|LATE)-/.test(n))).toEqual(loadNumbers.sort());
    const audited = await schema.db.auditLog.findMany({ where: { action: "invoice-check.record" } });
    const auditedIds = new Set(audited.map((a) => a.entityId));
    for (const check of checks.filter((c) => c.invoice.number.startsWith("LOAD-"))) {
      expect(auditedIds.has(String(check.id))).toBe(true);
    }
  });

  it("exits anyway after BOT_SHUTDOWN_GRACE_MS when a turn never ends, and logs it (code 1)", {
    timeout: 90_000,
  }, async () => {
    const [port] = await freePorts(1);
    const stuckUrl = `http://127.0.0.1:${port}`;
    const env = { ...processEnv(schema, { url: base.REDIS_URL, prefix }, port), LOG_LEVEL: "error" };
    const stuck = spawnBot({ ...env, BOT_SHUTDOWN_GRACE_MS: "300" }, { logs: true });
    let logs = "";
    stuck.stdout?.on("data", (chunk: Buffer) => {
      logs += chunk.toString();
    });
    await waitForBot(stuckUrl);
    let release: () => void = () => {};
    connector.hold = new Promise((resolve) => {
      release = resolve;
    });
    const activity = invoiceLine(1, "STUCK");
    // The connection dies with the process: the request ends in an error, not an answer.
    const answer = post(activity, true, stuckUrl).then(
      (a) => a.status,
      (error: NodeJS.ErrnoException) => error.code,
    );
    await waitUntil(() => connector.held.some((a) => a.replyToId === activity.id), "réponse retenue au connecteur");
    stuck.kill("SIGTERM");
    await waitForExit(stuck);
    release();
    connector.hold = null;
    expect(stuck.exitCode).toBe(1);
    expect(await answer).not.toBe(200);
    const lines = logs
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg?: string; graceMs?: number });
    expect(lines.find((line) => line.msg === "arrêt trop long, sortie forcée")?.graceMs).toBe(300);
  });
});
