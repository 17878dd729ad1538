import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { freePorts, spawnBot, waitForBot } from "../support/spawn-bot.ts";
import { waitForExit } from "../support/spawn-worker.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

/**
 * Two bot processes over one database, each with its read caches (bot/cache/): a write
 * answered by one server is seen by the other's very next turn, over the Bot Framework
 * protocol, with no pause in between.
 */
const prefix = redisPrefix("caches");
const base = testConfig();
const ADMIN = { aadObjectId: "0c7a11e5-0000-4000-8000-00000000ad01", name: "Adèle Admin" };
const READER = { aadObjectId: "0c7a11e5-0000-4000-8000-00000000ad02", name: "Rémi Lecteur" };
const children: ChildProcess[] = [];
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bots: string[] = [];

process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

beforeAll(async () => {
  schema = await freshSchema("caches");
  await seed(schema.db, { now: new Date() });
  await schema.db.agent.createMany({
    data: [
      { ...ADMIN, role: "ADMIN" },
      { ...READER, role: "READER" },
    ],
  });
  connector = await new ConnectorStandIn().start();
  const ports = await freePorts(2);
  for (const port of ports) {
    children.push(
      spawnBot({
        NODE_ENV: "test",
        PORT: String(port),
        DATABASE_URL: schema.databaseUrl,
        DATABASE_SCHEMA: schema.schema,
        REDIS_URL: base.REDIS_URL,
        REDIS_PREFIX: prefix,
        LOG_LEVEL: "warn",
        // No pause between a write and the other server's turn here: each turn its own round trip.
        BOT_SYNC_WINDOW_MS: "0",
      }),
    );
  }
  bots = ports.map((port) => `http://127.0.0.1:${port}`);
  for (const url of bots) await waitForBot(url);
}, 90_000);

afterAll(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGKILL");
    await waitForExit(child);
  }
  await connector?.stop();
  await schema?.drop();
  await deleteRedisPrefix(base.REDIS_URL, prefix);
});

/** Posts `text` from `who` to server 0 or 1 and returns the reply's text and card JSON. */
async function ask(server: 0 | 1, who: typeof ADMIN, text: string): Promise<string> {
  const from = { id: `29:${who.aadObjectId}`, name: who.name, aadObjectId: who.aadObjectId };
  const activity = teamsMessage({ serviceUrl: connector.url, text, conversationId: `a:caches-${who.name}`, from });
  const response = await fetch(`${bots[server]}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  const reply = await waitUntil(
    () => connector.activities.find((a) => a.replyToId === activity.id && a.activity.type === "message") ?? false,
    `réponse à « ${text} »`,
  );
  return `${String(reply.activity.text)}\n${JSON.stringify(reply.activity.attachments ?? [])}`;
}

describe("read caches over two bot servers", () => {
  it("shows on server B a project changed through server A, in the card and in a search", async () => {
    // Both servers have the card and the search in memory before the change.
    for (const server of [0, 1] as const) {
      expect(await ask(server, ADMIN, "statut 2022-017")).not.toContain("Abandonné");
      expect(await ask(server, ADMIN, "grenad skatpark")).not.toContain("Abandonné");
    }
    expect(await ask(0, ADMIN, 'changer statut 2022-017 abandonné "terrain perdu"')).toContain("→ « Abandonné »");
    const card = await ask(1, ADMIN, "statut 2022-017");
    expect(card).toContain("Abandonné");
    expect(card).toContain("Motif : terrain perdu");
    expect(await ask(1, ADMIN, "grenad skatpark")).toContain("Abandonné");
  });

  it("applies on server B a role given through server A at B's next turn", async () => {
    const change = 'changer statut 2022-017 lauréat "reprise du projet"';
    expect(await ask(1, READER, change)).toContain("est réservée aux agents");
    expect(await ask(0, ADMIN, `agent rôle ${READER.aadObjectId} agent`)).toContain(READER.name);
    expect(await ask(1, READER, change)).toContain("→ « Lauréat »");
    expect(await ask(0, ADMIN, `agent rôle ${READER.aadObjectId} lecteur`)).toContain(READER.name);
    expect(await ask(1, READER, change)).toContain("est réservée aux agents");
  });

  it("sees a write made outside the bots (a script, psql) at the next turn of either server", async () => {
    for (const server of [0, 1] as const) expect(await ask(server, ADMIN, "statut 2022-017")).not.toContain("Zorro");
    await schema.db.holder.updateMany({
      where: { projects: { some: { reference: "2022-017" } } },
      data: { contactName: "Zorro Contact" },
    });
    for (const server of [0, 1] as const) expect(await ask(server, ADMIN, "statut 2022-017")).toContain("Zorro");
  });
});
