import { describe, expect, it } from "vitest";
import { type PayableInput, payableCents } from "../../domain/money/payable-cents.ts";

const base: PayableInput = { awardedCents: 2_800_000, agreementCents: null, justifiedCents: 0, paidCents: 0 };

describe("payableCents: min(awarded, justified) minus what was already paid", () => {
  it.each<[string, Partial<PayableInput>, number]>([
    ["nothing justified", {}, 0],
    ["nothing justified, advance paid", { paidCents: 1_400_000 }, 0],
    ["partly justified", { justifiedCents: 1_000_000 }, 1_000_000],
    ["partly justified, advance paid", { justifiedCents: 2_000_000, paidCents: 1_400_000 }, 600_000],
    ["more justified than awarded", { justifiedCents: 3_500_000, paidCents: 1_400_000 }, 1_400_000],
    ["convention below the amount voted caps it", { agreementCents: 2_500_000, justifiedCents: 3_000_000 }, 2_500_000],
    [
      "convention below the amount voted, advance paid",
      { agreementCents: 2_500_000, justifiedCents: 3_000_000, paidCents: 1_250_000 },
      1_250_000,
    ],
    ["justified below the convention", { agreementCents: 2_500_000, justifiedCents: 900_000 }, 900_000],
    ["already paid more than payable", { justifiedCents: 1_000_000, paidCents: 1_400_000 }, 0],
    ["everything paid", { justifiedCents: 2_800_000, paidCents: 2_800_000 }, 0],
    ["cents kept exactly", { justifiedCents: 1_234_567, paidCents: 1_000_001 }, 234_566],
    ["a fractional cent is rounded down", { justifiedCents: 1_234_567.8, paidCents: 1_000_000 }, 234_567],
    ["a fractional cap is rounded down", { agreementCents: 999_999.5, justifiedCents: 2_000_000 }, 999_999],
  ])("%s", (_label, input, expected) => {
    const result = payableCents({ ...base, ...input });
    expect(result).toBe(expected);
    expect(Number.isInteger(result)).toBe(true);
  });
});
