import { describe, expect, it } from "vitest";
import type { BotReads } from "../../../bot/cache/bot-reads.ts";
import { loadConfig } from "../../../domain/config/load-config.ts";
import { useSeededBot } from "../../support/seeded-bot.ts";
import { teamsMessage } from "../../support/teams-activity.ts";
import { testConfig } from "../../support/test-config.ts";
import { waitUntil } from "../../support/wait-until.ts";

/**
 * `BOT_SYNC_WINDOW_MS`: each turn asks its sync for changes committed up to that long before
 * it (the feed's own tests show what a window saves and what it never trusts).
 */
const NOW = new Date("2026-11-28T09:00:00Z");
const windows: (number | undefined)[] = [];

const recordingSyncs = (reads: BotReads): BotReads => ({
  ...reads,
  sync: (windowMs) => {
    windows.push(windowMs);
    return reads.sync(windowMs);
  },
});

const running = useSeededBot("syncwindow", NOW, { config: { BOT_SYNC_WINDOW_MS: "250" }, wrapReads: recordingSyncs });

describe("the turn's sync window", () => {
  it("is the configured one, for every message", async () => {
    const { bot, connector } = running;
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
