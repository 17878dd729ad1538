import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_CHANNEL, type Change, type ChangeFeed, createChangeFeed } from "../../../bot/cache/change-feed.ts";
import { saveConversationReference } from "../../../domain/conversations/save-conversation-reference.ts";
import { createLogger } from "../../../domain/log/create-logger.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { waitUntil } from "../../support/wait-until.ts";

const applicationName = `feed-test-${randomUUID()}`;
let schema: FreshSchema;
let feed: ChangeFeed;
const heard: (Change | null)[] = [];

beforeAll(async () => {
  schema = await freshSchema("feed");
  feed = createChangeFeed({
    databaseUrl: schema.databaseUrl,
    schema: schema.schema,
    logger: createLogger({ level: "silent", name: "feed-test" }),
    retryMs: 20,
    applicationName,
  });
  feed.subscribe((table) => heard.push(table));
  await waitUntil(() => feed.live, "feed à l'écoute");
});

afterAll(async () => {
  await feed?.close();
  await schema?.drop();
});

/** What the feed heard from now until `sync()` returned, as « table:operation ». */
async function heardDuring(work: () => Promise<unknown>): Promise<string[]> {
  const from = heard.length;
  await work();
  expect(await feed.sync()).toBe(true);
  return heard.slice(from).map((change) => (change ? `${change.table}:${change.operation}` : "lost"));
}

/** Ends the feed's listening connection from the server side, as a restart or a network cut would. */
async function dropFeedConnection(): Promise<void> {
  const admin = new pg.Client({ connectionString: schema.databaseUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
      applicationName,
    ]);
  } finally {
    await admin.end();
  }
}

const conversation = (agentId: number | null) => ({
  conversationId: "a:feed",
  conversationType: "personal",
  serviceUrl: "https://smba.trafficmanager.net/emea/",
  tenantId: "t",
  agentId,
  reference: {},
});

describe("createChangeFeed", () => {
  it("has heard, once sync() returns, every table written before it", async () => {
    const tables = await heardDuring(async () => {
      await schema.db.agent.create({ data: { aadObjectId: randomUUID(), name: "Nina Nouvelle", role: "READER" } });
      await schema.db.$transaction([
        schema.db.edition.create({ data: { year: 2031, name: "Édition 2031", budgetCents: 150_000_000 } }),
        schema.db.edition.update({ where: { year: 2031 }, data: { name: "Édition 2031 (test)" } }),
        schema.db.canton.updateMany({ data: { name: "sans effet" } }),
      ]);
    });
    // Once per table, operation and transaction; a statement that writes no row announces nothing (no canton here).
    expect(tables).toEqual(["Agent:INSERT", "Edition:INSERT", "Edition:UPDATE"]);
  });

  it("ignores the changes of another schema of the same database", async () => {
    const tables = await heardDuring(() =>
      schema.db.$executeRawUnsafe(`SELECT pg_notify('${CHANGE_CHANNEL}', 'another_schema.Agent:UPDATE')`),
    );
    expect(tables).toEqual([]);
  });

  it("hears nothing from an upsert of a conversation that changes nothing", async () => {
    const now = new Date();
    expect(await heardDuring(() => saveConversationReference(schema.db, conversation(null), now))).toEqual([
      "ConversationReference:INSERT",
    ]);
    expect(await heardDuring(() => saveConversationReference(schema.db, conversation(null), now))).toEqual([]);
  });

  it("says changes may be lost when its connection drops, is not live meanwhile, and listens again", async () => {
    const from = heard.length;
    await dropFeedConnection();
    await waitUntil(() => heard.length > from, "perte signalée");
    expect(heard[from]).toBeNull();
    await waitUntil(() => feed.live, "feed de nouveau à l'écoute");
    // Listening again is announced too: what was said meanwhile is gone.
    expect(heard.slice(from)).toEqual([null, null]);
    expect(await heardDuring(() => schema.db.theme.updateMany({ data: {} }))).toEqual([]);
    const tables = await heardDuring(() =>
      schema.db.agent.create({ data: { aadObjectId: randomUUID(), name: "Paul Plus", role: "READER" } }),
    );
    expect(tables).toEqual(["Agent:INSERT"]);
  });

  it("with a window, relies on a round trip started within it, never on one from before a loss", async () => {
    expect(await feed.sync()).toBe(true);
    const after = feed.roundTrips;
    // Back within the window: nothing sent, however many turns ask.
    expect(await Promise.all([feed.sync(60_000), feed.sync(60_000), feed.sync(60_000)])).toEqual([true, true, true]);
    expect(feed.roundTrips).toBe(after);
    // Without a window, a turn always has its own round trip.
    expect(await feed.sync()).toBe(true);
    expect(feed.roundTrips).toBe(after + 1);
    // Past half the window: answered at once, and the next one leaves for the calls to come.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const early = feed.sync(1000);
    expect(feed.roundTrips).toBe(after + 2);
    expect(await Promise.race([early, Promise.resolve("en attente")])).toBe(true);
    // Past the window, a new one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await feed.sync(1)).toBe(true);
    expect(feed.roundTrips).toBe(after + 3);
    // One on its way, started within the window (the last one back is older): shared, not doubled.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const strict = feed.sync();
    const windowed = feed.sync(5);
    expect(await Promise.all([strict, windowed])).toEqual([true, true]);
    expect(feed.roundTrips).toBe(after + 4);
    // A change written after the last round trip is heard by the next one a strict turn sends.
    const from = heard.length;
    await schema.db.agent.create({ data: { aadObjectId: randomUUID(), name: "Fenêtre Fermée", role: "READER" } });
    expect(await feed.sync()).toBe(true);
    expect(heard.slice(from).map((change) => change?.table)).toEqual(["Agent"]);
    // Notices may have been lost with the connection: what was known before counts no more.
    const lostFrom = heard.length;
    await dropFeedConnection();
    await waitUntil(() => heard.slice(lostFrom).includes(null), "perte signalée");
    await waitUntil(() => feed.live, "feed de nouveau à l'écoute");
    const reconnected = feed.roundTrips;
    expect(await feed.sync(60_000)).toBe(true);
    expect(feed.roundTrips).toBe(reconnected + 1);
  });

  it("answers false to sync() once closed", async () => {
    const closing = createChangeFeed({
      databaseUrl: schema.databaseUrl,
      schema: schema.schema,
      logger: createLogger({ level: "silent", name: "feed-test" }),
    });
    await waitUntil(() => closing.live, "second feed à l'écoute");
    await closing.close();
    expect(await closing.sync()).toBe(false);
  });
});
