import { describe, expect, it } from "vitest";
import { normalizeKey } from "../../domain/text/normalize-key.ts";

describe("normalizeKey", () => {
  it("folds case, accents, ligatures and every kind of space", () => {
    expect(normalizeKey("  Menuiserie\u00a0\u202fLAFARGUE  ")).toBe("menuiserie lafargue");
    expect(normalizeKey("Œuvre  d'Émile · Cœur")).toBe("oeuvre d'emile · coeur");
    expect(normalizeKey("SARL A.B.C.\tet\nfils")).toBe("sarl a.b.c. et fils");
  });

  it("gives plain ASCII text (its short way) what the full folding gives", () => {
    let state = 20_261_129;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state;
    };
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 24 }, () => String.fromCharCode(0x20 + (next() % 95))).join("");
      if (text.trim() === "") continue;
      // An accent at the end sends the same text down the full folding.
      expect(`${normalizeKey(text)} e`, JSON.stringify(text)).toBe(normalizeKey(`${text} é`));
    }
  });
});
