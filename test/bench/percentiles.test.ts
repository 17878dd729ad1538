import { describe, expect, it } from "vitest";
import { percentile, ratioSpread, roundRatios } from "../../bench/support/percentiles.ts";

describe("percentile", () => {
  it("takes the nearest rank, whatever the order of the values", () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([3, 1, 2], 99)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});

// The latency bench shows how far one round's ratio strays from the pooled one.
describe("roundRatios", () => {
  it("divides each round's percentile by the floor's of the same round", () => {
    const floor = [
      [1, 2, 3],
      [10, 20, 30],
    ];
    const ours = [
      [2, 4, 6],
      [15, 30, 45],
    ];
    expect(roundRatios(floor, ours, 50)).toEqual([2, 1.5]);
  });

  it("leaves out a round where either side has no latency (every request failed)", () => {
    expect(roundRatios([[1], [], [2]], [[3], [4], []], 50)).toEqual([3]);
  });
});

describe("ratioSpread", () => {
  it("writes the smallest and the largest ratio, or a dash when no round could be compared", () => {
    expect(ratioSpread([1.5, 1.234, 2.71])).toBe("1.23–2.71");
    expect(ratioSpread([1.4])).toBe("1.40–1.40");
    expect(ratioSpread([])).toBe("—");
  });
});
