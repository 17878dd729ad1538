import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { BOT_COMMAND, BOT_NODE_FLAGS } from "../../bot/node-flags.ts";

it("starts the bot with the same Node options from npm run bot, npm start, the benchmark and the tests", async () => {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
  expect(pkg.scripts.bot).toBe(BOT_COMMAND);
  for (const file of ["../../scripts/start.ts", "../../bench/bot-latency.ts", "../support/spawn-bot.ts"]) {
    expect(await readFile(new URL(file, import.meta.url), "utf8"), file).toContain("BOT_NODE_FLAGS");
  }
});

// Like a busy bot's turns: every object outlives a few others (a ring of 100 000), then is dropped.
const TURNS_IN_FLIGHT = `
  let scavenges = 0;
  new (require("node:perf_hooks").PerformanceObserver)((list) => {
    for (const entry of list.getEntries()) if (entry.detail.kind === 1) scavenges++;
  }).observe({ entryTypes: ["gc"] });
  const ring = new Array(100000);
  for (let i = 0; i < 4e6; i++) ring[i % ring.length] = { a: i, b: [i, i + 1] };
  setTimeout(() => console.log(scavenges), 50);`;

it("makes V8 scavenge far less often under a load whose objects live a while", async () => {
  const scavenges = async (flags: readonly string[]) =>
    Number((await promisify(execFile)(process.execPath, [...flags, "-e", TURNS_IN_FLIGHT])).stdout);
  const [defaults, ours] = await Promise.all([scavenges([]), scavenges(BOT_NODE_FLAGS)]);
  expect(defaults).toBeGreaterThan(0);
  // Twice the young generation: about half as many scavenges (56 against 27 here).
  expect(ours).toBeLessThan((defaults * 2) / 3);
});
