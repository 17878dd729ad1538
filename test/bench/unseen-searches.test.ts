import { describe, expect, it } from "vitest";
import { unseenSearchCount, unseenSearchesNeeded, unseenSearchText } from "../../bench/support/unseen-searches.ts";

const communes = Array.from({ length: 88 }, (_, i) => `Commune ${i + 1}`);
const fullRun = {
  warmUpRun: 300,
  requests: 2000,
  rounds: 5,
  warmUp: 20,
  concurrencies: [1, 16, 64],
  bots: 1,
  twoInstances: true,
};

describe("never-typed searches of the latency bench", () => {
  it("never repeats a text within the sequence", () => {
    const count = unseenSearchCount(communes);
    const texts = new Set(Array.from({ length: count }, (_, n) => unseenSearchText(communes, n)));
    expect(texts.size).toBe(count);
  });

  it("counts what a full run sends to the bot: warm-up run, rows with their warm-ups, two instances", () => {
    // 300 + 5 × (400 + 20) + 5 × (400 + 20) + 5 × (400 + 64) + (2000 + 64)
    expect(unseenSearchesNeeded(fullRun)).toBe(8884);
    expect(unseenSearchesNeeded(fullRun)).toBeLessThanOrEqual(unseenSearchCount(communes));
  });

  it("counts both assistants of --compare, whose run would not fit the sequence of 88 communes", () => {
    const compared = { ...fullRun, concurrencies: [16, 64], bots: 2, twoInstances: false };
    expect(unseenSearchesNeeded(compared)).toBe(2 * (300 + 2100 + 2320));
    expect(unseenSearchesNeeded(compared)).toBeGreaterThan(unseenSearchCount(communes));
  });

  it("rounds a request count the rounds do not divide up, as the bench sends it", () => {
    expect(
      unseenSearchesNeeded({ ...fullRun, requests: 100, rounds: 3, concurrencies: [1], twoInstances: false }),
    ).toBe(300 + 3 * (34 + 20));
  });
});
