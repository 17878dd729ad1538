import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot/create-app.ts";
import { createAdapter, TURN_ERROR_MESSAGE } from "../../bot/teams/create-adapter.ts";
import { createProactiveSender } from "../../bot/teams/send-proactive.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { AGENT_USER, BOT, TENANT_ID, teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const HELP_TEXT = "Voici ce que je sais faire";
let schema: FreshSchema;
let connector: ConnectorStandIn;
let redis: ReturnType<typeof createRedis>;
let app: ReturnType<typeof createApp>;
let botUrl: string;
/** What the bot logged at warn level and above: a failed turn must leave a trace. */
const logged: Array<{ level: number; msg: string }> = [];
const logger = pino({ level: "warn" }, { write: (line: string) => void logged.push(JSON.parse(line)) });

beforeAll(async () => {
  schema = await freshSchema("connector_errors");
  // Only the agent who speaks: the turns here need no project data.
  await schema.db.agent.create({ data: { aadObjectId: AGENT_USER.aadObjectId, name: AGENT_USER.name, role: "AGENT" } });
  connector = await new ConnectorStandIn().start();
  const config = testConfig({ DATABASE_SCHEMA: schema.schema });
  redis = createRedis(config.REDIS_URL);
  // startBot, with a logger the test reads.
  app = createApp({ config, db: schema.db, redis, logger, now: () => NOW, botOptions: { typingDelayMs: null } });
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  botUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => app?.server.close(() => resolve()));
  await app?.close();
  await redis?.quit();
  await connector?.stop();
  await schema?.drop();
});

function post(activity: unknown): Promise<Response> {
  return fetch(`${botUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
}

/** Answers the first `times` POSTs into `conversationId` with `status`; records when each POST came. */
function refuse(conversationId: string, status: number, times: number, headers?: Record<string, string>) {
  const posts: number[] = [];
  connector.respondWith = (req) => {
    if (req.method !== "POST" || !req.url?.includes(encodeURIComponent(conversationId))) return null;
    posts.push(Date.now());
    return posts.length <= times ? { status, ...(headers ? { headers } : {}) } : null;
  };
  return posts;
}

function message(text: string) {
  const activity = teamsMessage({ serviceUrl: connector.url, text });
  return { activity, conversationId: (activity.conversation as { id: string }).id };
}

async function expectStillServing(): Promise<void> {
  const health = await fetch(`${botUrl}/healthz`);
  expect(health.status).toBe(200);
  const next = message("aide");
  expect((await post(next.activity)).status).toBe(200);
  const [answer] = await connector.waitFor(1, next.conversationId);
  expect(String(answer?.activity.text)).toContain(HELP_TEXT);
}

describe("the Bot Connector refuses the bot's reply", () => {
  it("500 once: botbuilder's HTTP pipeline retries and the user gets the answer", async () => {
    const { activity, conversationId } = message("aide");
    const posts = refuse(conversationId, 500, 1);
    expect((await post(activity)).status).toBe(200);
    const replies = await connector.waitFor(1, conversationId);
    connector.respondWith = null;
    expect(posts).toHaveLength(2);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.activity.text)).toContain(HELP_TEXT);
    await expectStillServing();
  });

  it("429 with Retry-After: 1 once: the reply comes after the pause, once", async () => {
    const { activity, conversationId } = message("aide");
    const posts = refuse(conversationId, 429, 1, { "retry-after": "1" });
    expect((await post(activity)).status).toBe(200);
    const replies = await connector.waitFor(1, conversationId);
    connector.respondWith = null;
    expect(posts).toHaveLength(2);
    expect(posts[1]! - posts[0]!).toBeGreaterThanOrEqual(950);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.activity.text)).toContain(HELP_TEXT);
    await expectStillServing();
  });

  it("500 every time: the failure is logged, the server does not crash and answers the next turn", {
    timeout: 60_000,
  }, async () => {
    logged.length = 0;
    const { activity, conversationId } = message("aide");
    const posts = refuse(conversationId, 500, Number.POSITIVE_INFINITY);
    const response = await post(activity);
    connector.respondWith = null;
    // Teams gets its 200 (after ~11 s of retries): the failure is ours to log, not Teams' to resend.
    expect(response.status).toBe(200);
    expect(connector.activities.filter((a) => a.conversationId === conversationId)).toEqual([]);
    // The answer, then the apology: each tried 4 times (botbuilder's pipeline: 3 retries, ~1 s, 2 s, 3 s).
    expect(posts).toHaveLength(8);
    expect(logged.map((line) => line.msg)).toEqual(
      expect.arrayContaining(["turn failed", "could not tell the user about the failed turn"]),
    );
    expect(TURN_ERROR_MESSAGE).toContain("réessayez");
    await expectStillServing();
  });
});

describe("the proactive digest message", () => {
  it("500 then 200 is delivered once (retried by botbuilder's pipeline, not by our sender)", async () => {
    const conversationId = "a:proactive-500";
    const reference = {
      bot: BOT,
      user: { id: "29:agent", name: "Agent", aadObjectId: "00000000-0000-4000-8000-000000000001" },
      conversation: { id: conversationId, conversationType: "personal", tenantId: TENANT_ID },
      channelId: "msteams",
      serviceUrl: connector.url,
      locale: "fr-FR",
    };
    const silent = pino({ level: "silent" });
    const sleeps: number[] = [];
    const sender = createProactiveSender({
      adapter: createAdapter(testConfig(), silent),
      appId: undefined,
      logger: silent,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const posts = refuse(conversationId, 500, 1);
    const result = await sender.send(reference, { text: "Point du jour" });
    connector.respondWith = null;
    expect(result).toBe("sent");
    expect(posts).toHaveLength(2);
    expect(sleeps).toEqual([]);
    const delivered = connector.activities.filter((a) => a.conversationId === conversationId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.activity.text).toBe("Point du jour");
  });
});
