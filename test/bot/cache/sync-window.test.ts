import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotReads } from "../../../bot/cache/bot-reads.ts";
import { loadConfig } from "../../../domain/config/load-config.ts";
import { seed } from "../../../prisma/seed.ts";
import { ConnectorStandIn } from "../../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { seedTestAgent } from "../../support/seed-test-agent.ts";
import { type RunningBot, startBot } from "../../support/start-bot.ts";
import { teamsMessage } from "../../support/teams-activity.ts";
import { testConfig } from "../../support/test-config.ts";
import { waitUntil } from "../../support/wait-until.ts";

/**
 * `BOT_SYNC_WINDOW_MS`: each turn asks its sync for changes committed up to that long before
 * it (the feed's own tests show what a window saves and what it never trusts).
 */
const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
const windows: (number | undefined)[] = [];

const recordingSyncs = (reads: BotReads): BotReads => ({
  ...reads,
  sync: (windowMs) => {
    windows.push(windowMs);
    return reads.sync(windowMs);
  },
});

beforeAll(async () => {
  schema = await freshSchema("syncwindow");
  await seed(schema.db, { now: NOW });
  await seedTestAgent(schema.db);
  connector = await new ConnectorStandIn().start();
  const config = testConfig({ DATABASE_SCHEMA: schema.schema, BOT_SYNC_WINDOW_MS: "250" });
  bot = await startBot(config, schema.db, () => NOW, { wrapReads: recordingSyncs });
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

describe("the turn's sync window", () => {
  it("is the configured one, for every message", async () => {
    for (const text of ["aide", "statut 2022-017", "skatepark"]) {
      const activity = teamsMessage({ serviceUrl: connector.url, text, conversationId: "a:window" });
      expect((await bot.post(activity)).status).toBe(200);
      await waitUntil(() => connector.activities.some((a) => a.replyToId === activity.id), `réponse à « ${text} »`);
    }
    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(windows)).toEqual(new Set([250]));
  });

  it("is 50 ms by default, 0 in the other tests (each message waits for its own round trip)", () => {
    expect(loadConfig({}).BOT_SYNC_WINDOW_MS).toBe(50);
    expect(loadConfig({ BOT_SYNC_WINDOW_MS: "" }).BOT_SYNC_WINDOW_MS).toBe(50);
    expect(testConfig().BOT_SYNC_WINDOW_MS).toBe(0);
  });
});
