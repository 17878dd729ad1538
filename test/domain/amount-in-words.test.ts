import { describe, expect, it } from "vitest";
import { amountInWords, numberInWords } from "../../domain/money/amount-in-words.ts";

describe("numberInWords", () => {
  it.each([
    [0, "zéro"],
    [1, "un"],
    [16, "seize"],
    [17, "dix-sept"],
    [21, "vingt et un"],
    [22, "vingt-deux"],
    [31, "trente et un"],
    [61, "soixante et un"],
    [70, "soixante-dix"],
    [71, "soixante et onze"],
    [72, "soixante-douze"],
    [80, "quatre-vingts"],
    [81, "quatre-vingt-un"],
    [90, "quatre-vingt-dix"],
    [91, "quatre-vingt-onze"],
    [99, "quatre-vingt-dix-neuf"],
    [100, "cent"],
    [101, "cent un"],
    [180, "cent quatre-vingts"],
    [200, "deux cents"],
    [201, "deux cent un"],
    [1000, "mille"],
    [1001, "mille un"],
    [2000, "deux mille"],
    [80_000, "quatre-vingt mille"],
    [200_000, "deux cent mille"],
    [221_000, "deux cent vingt et un mille"],
    [1_000_000, "un million"],
    [2_000_000, "deux millions"],
    [200_000_000, "deux cents millions"],
    [80_000_000, "quatre-vingts millions"],
    [1_234_567, "un million deux cent trente-quatre mille cinq cent soixante-sept"],
  ])("%i → %s", (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });
});

describe("amountInWords", () => {
  it.each([
    [6_852_500, "soixante-huit mille cinq cent vingt-cinq euros"],
    [6_852_550, "soixante-huit mille cinq cent vingt-cinq euros et cinquante centimes"],
    [100, "un euro"],
    [101, "un euro et un centime"],
    [50, "cinquante centimes"],
    [7_000_000, "soixante-dix mille euros"],
    [8_000_000, "quatre-vingt mille euros"],
    [1_400_000, "quatorze mille euros"],
    [100_000_000, "un million d'euros"],
    [100_000_100, "un million un euros"],
    [
      2_147_483_647,
      "vingt et un millions quatre cent soixante-quatorze mille huit cent trente-six euros et quarante-sept centimes",
    ],
  ])("%i cents → %s", (cents, words) => {
    expect(amountInWords(cents)).toBe(words);
  });

  it("refuses what is not a non-negative integer of cents", () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
