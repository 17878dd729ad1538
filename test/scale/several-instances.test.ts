import type { ChildProcess } from "node:child_process";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "../../jobs/create-redis.ts";
import { createMaintenanceQueue, type MaintenanceQueue, upsertSchedules } from "../../jobs/queues/maintenance-queue.ts";
import { heartbeatKey } from "../../jobs/start-workers.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { freePorts, spawnBot, waitForBot } from "../support/spawn-bot.ts";
import { spawnWorker, waitForExit } from "../support/spawn-worker.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { executeAction, teamsInvoke } from "../support/teams-invoke.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

/**
 * Two bot web processes and two worker processes (real `node` processes, as in
 * production behind a load balancer) over one PostgreSQL schema and one Redis prefix:
 * conversations land on either server, and every recurring job, digest and e-mail
 * happens once however many workers run.
 */
const prefix = redisPrefix("scale");
const base = testConfig();
const redis = createRedis(base.REDIS_URL, { blocking: true });
const queue: MaintenanceQueue = createMaintenanceQueue(redis, testConfig({ REDIS_PREFIX: prefix }));
const children: ChildProcess[] = [];
let schema: FreshSchema;
let connector: ConnectorStandIn;
let smtp: SmtpTestServer;
let bots: string[] = [];

type Agent = { id: number; aadObjectId: string; name: string };
/** Agents who can receive the digest, each with a personal chat of their own. */
let agents: Agent[] = [];
const conversationOf = (agent: Agent) => `a:scale-${agent.id}`;

// A crashed test run must not leave servers behind.
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

async function stopChildren(): Promise<void> {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    await waitForExit(child);
  }
}

beforeAll(async () => {
  try {
    schema = await freshSchema("scale");
    // Seeded around the real clock: the worker processes read the real time.
    await seed(schema.db, { now: new Date() });
    connector = await new ConnectorStandIn().start();
    smtp = await new SmtpTestServer().start();
    const env = {
      NODE_ENV: "test",
      DATABASE_URL: schema.databaseUrl,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL: base.REDIS_URL,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      OUTBOX_SWEEP_MS: "300",
      MAIL_RATE_MAX: "0",
      MAIL_BACKOFF_MS: "50",
      LOG_LEVEL: "warn",
    };
    const ports = await freePorts(2);
    for (const port of ports) children.push(spawnBot({ ...env, PORT: String(port) }));
    children.push(spawnWorker(env), spawnWorker(env));
    bots = ports.map((port) => `http://127.0.0.1:${port}`);
    for (const url of bots) await waitForBot(url);
    // Each instance builds its search memory in the background after it starts answering.
    for (const url of bots) {
      await waitUntil(
        async () => String((await (await fetch(`${url}/healthz`)).json()).recherche).startsWith("en mémoire"),
        `recherche en mémoire de ${url} construite`,
        40_000,
      );
    }
    await waitUntil(
      async () => (await redis.keys(heartbeatKey(prefix, "*"))).length === 2 || false,
      "deux workers prêts",
      40_000,
    );
    const rows = await schema.db.agent.findMany({
      where: { active: true, role: { in: ["AGENT", "ADMIN"] } },
      orderBy: { id: "asc" },
    });
    agents = rows.map((a) => ({ id: a.id, aadObjectId: a.aadObjectId, name: a.name }));
  } catch (error) {
    await stopChildren();
    throw error;
  }
}, 90_000);

afterAll(async () => {
  await stopChildren();
  await queue.close();
  await redis.quit();
  await connector?.stop();
  await smtp?.stop();
  await schema?.drop();
  await deleteRedisPrefix(base.REDIS_URL, prefix);
});

const post = (server: number, activity: unknown) =>
  fetch(`${bots[server % 2]}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });

/** Posts a message from `agent` in their personal chat to one server; returns the reply (text + card JSON). */
async function ask(server: number, agent: Agent, text: string): Promise<string> {
  const from = { id: `29:${agent.aadObjectId}`, name: agent.name, aadObjectId: agent.aadObjectId };
  const activity = teamsMessage({ serviceUrl: connector.url, text, conversationId: conversationOf(agent), from });
  expect((await post(server, activity)).status).toBe(200);
  const reply = await waitUntil(
    () => connector.activities.find((a) => a.replyToId === activity.id && a.activity.type === "message") ?? false,
    `réponse à « ${text} »`,
  );
  return `${String(reply.activity.text)}\n${JSON.stringify(reply.activity.attachments ?? [])}`;
}

async function finished(job: Job): Promise<unknown> {
  return waitUntil(async () => {
    const state = await job.getState();
    if (state === "failed") throw new Error(`${job.name} en échec`);
    if (state !== "completed") return false;
    return (await queue.getJob(job.id!))?.returnvalue ?? null;
  }, `${job.name} ${job.id} terminé`);
}

/**
 * The two runs overlapped in time: each worker takes one maintenance job at a time,
 * so they ran in the two worker processes at once, not one after the other.
 */
async function expectOverlap(a: Job, b: Job): Promise<void> {
  const [x, y] = await Promise.all([queue.getJob(a.id!), queue.getJob(b.id!)]);
  expect(x?.processedOn).toBeLessThan(y?.finishedOn ?? 0);
  expect(y?.processedOn).toBeLessThan(x?.finishedOn ?? 0);
}

/** The scheduler ids a single worker's upsert creates, under a prefix of their own. */
async function keysOfOneUpsert(): Promise<string[]> {
  const scratchPrefix = redisPrefix("scale-scratch");
  const config = testConfig({ REDIS_PREFIX: scratchPrefix });
  const scratch = createMaintenanceQueue(redis, config);
  try {
    await upsertSchedules(scratch, config);
    return (await scratch.getJobSchedulers()).map((s) => s.key).sort();
  } finally {
    await scratch.close();
    await deleteRedisPrefix(base.REDIS_URL, scratchPrefix);
  }
}

const isDigest = (activity: Record<string, unknown>) => JSON.stringify(activity).includes("Point du ");

describe("two bot servers and two workers over one PostgreSQL and one Redis", () => {
  it("answers conversations spread over both servers, each agent on both in turn", async () => {
    expect(agents.length).toBeGreaterThan(2);
    await Promise.all(
      agents.map(async (agent, i) => {
        expect(await ask(i, agent, "statut 2022-017")).toContain("2022-017 · Skatepark de Grenade-sur-l'Adour");
        expect(await ask(i + 1, agent, "skatepark")).toMatch(/Projets : « skatepark » · \d+ projets/);
        expect(await ask(i, agent, "projets 2021 jeunes")).toContain(
          "Projets : édition 2021, jeunes · 17 projets · page 1 sur 2",
        );
      }),
    );
    // Each server remembered the personal chats it saw, in the one database both share.
    const references = await schema.db.conversationReference.findMany({ where: { conversationType: "personal" } });
    expect(new Set(references.map((r) => r.conversationId))).toEqual(new Set(agents.map(conversationOf)));
  });

  it("answers the project card's refresh action on either server", async () => {
    for (const server of [0, 1]) {
      const invoke = teamsInvoke({
        serviceUrl: connector.url,
        name: "adaptiveCard/action",
        value: executeAction("project.refresh", { reference: "2022-017" }, "Actualiser"),
      });
      const response = await post(server, invoke);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
      expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
      expect(JSON.stringify(body.value)).toContain("Skatepark de Grenade-sur-l'Adour");
    }
  });

  it("upserts each schedule from both workers, yet keeps one scheduler and one next job each", async () => {
    // Both workers upsert at start and at every sweep (300 ms): let several sweeps pass.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(await keysOfOneUpsert());
    expect(schedulers.map((s) => s.key)).toEqual(expect.arrayContaining(["agents-digest", "reminder-scan"]));
    const delayed = await queue.getDelayed();
    for (const scheduler of schedulers) {
      // The next tick is one job whose id comes from the scheduler and the tick's time.
      const next = delayed.filter((job) => job.name === scheduler.key);
      expect(next.map((job) => job.id)).toEqual([`repeat:${scheduler.key}:${scheduler.next}`]);
    }
    // The 15-minute schedule's first tick was due at once: it ran once, not once per worker or sweep.
    const ran = await queue.getJobs(["completed", "failed", "active", "waiting"]);
    expect(ran.filter((job) => job.name === "rsvp-notices")).toHaveLength(1);
  });

  it("sends each agent exactly one digest although both workers run it", async () => {
    // Same job id twice: the second add is the same job (as a scheduler tick, whose id is
    // `repeat:<scheduler>:<time>`, exists once however many workers upsert the schedule).
    const tick = await queue.add("agents-digest", {}, { jobId: "scale-digest-tick" });
    const again = await queue.add("agents-digest", {}, { jobId: "scale-digest-tick" });
    expect(again.id).toBe(tick.id);
    // A distinct second job (a tick replayed after a crash, a retry) runs on the other
    // worker at the same time: the per-agent, per-day mark in Redis lets only one send.
    const [replay] = await queue.addBulk([{ name: "agents-digest", data: {} }]);
    if (!replay) throw new Error("tâche non ajoutée");
    const runs = (await Promise.all([finished(tick), finished(replay)])) as { sent: number; alreadySent: number }[];
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(agents.length);
    expect(runs.reduce((sum, run) => sum + run.alreadySent, 0)).toBe(agents.length);
    const digests = connector.activities.filter((a) => isDigest(a.activity));
    expect(digests.map((a) => a.conversationId).sort()).toEqual(agents.map(conversationOf).sort());
    await expectOverlap(tick, replay);
  });

  it("writes each reminder once when the scan runs on both workers at the same time", async () => {
    const before = await schema.db.notification.count();
    const [first, second] = await queue.addBulk([
      { name: "reminder-scan", data: {} },
      { name: "reminder-scan", data: {} },
    ]);
    if (!first || !second) throw new Error("tâches non ajoutées");
    const runs = (await Promise.all([finished(first), finished(second)])) as Record<string, number>[];
    const created = runs.map((byKind) => Object.values(byKind).reduce((sum, n) => sum + n, 0));
    const rows = await schema.db.notification.findMany({ select: { idempotencyKey: true } });
    expect(rows.length - before).toBe(created[0]! + created[1]!);
    expect(rows.length - before).toBeGreaterThan(0);
    await expectOverlap(first, second);
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(rows.length);
    // Running it again writes nothing: each reminder's key is already recorded.
    const rerun = (await finished(await queue.add("reminder-scan", {}))) as Record<string, number>;
    expect(Object.values(rerun).every((n) => n === 0)).toBe(true);
  });

  it("sends every e-mail once, none twice, whichever worker took it", async () => {
    await waitUntil(
      async () => (await schema.db.notification.count({ where: { status: "PENDING" } })) === 0 || false,
      "plus aucune notification en attente",
      40_000,
    ).catch(async (error: Error) => {
      const byStatus = await schema.db.notification.groupBy({ by: ["status"], _count: true });
      throw new Error(`${error.message} : ${JSON.stringify(byStatus)}`);
    });
    const total = await schema.db.notification.count({ where: { status: "SENT" } });
    expect(total).toBeGreaterThan(0);
    // Several more sweeps by both workers: nothing already sent is sent again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const ids = smtp.received.map((mail) => mail.messageId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(total);
    const recorded = await schema.db.notification.findMany({ where: { status: "SENT" }, select: { messageId: true } });
    expect(new Set(ids)).toEqual(new Set(recorded.map((n) => n.messageId)));
  }, 60_000);
});
