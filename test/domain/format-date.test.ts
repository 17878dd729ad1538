import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatShortDate } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";

describe("French dates and amounts (remembered between calls)", () => {
  it("writes days in Europe/Paris, with « 1er »", () => {
    expect(formatDate(new Date("2025-07-01T10:00:00Z"))).toBe("mardi 1er juillet 2025");
    expect(formatDate(new Date("2025-06-03T22:30:00Z"))).toBe("mercredi 4 juin 2025");
    expect(formatShortDate(new Date("2025-06-03T22:30:00Z"))).toBe("04/06/2025");
  });

  it("gives the same text for every second of a minute, and the next minute its own", () => {
    const first = formatDateTime(new Date("2025-06-03T16:00:00Z"));
    expect(first).toBe("mardi 3 juin 2025 à 18 h 00");
    expect(formatDateTime(new Date("2025-06-03T16:00:59.999Z"))).toBe(first);
    expect(formatDateTime(new Date("2025-06-03T16:01:00Z"))).toBe("mardi 3 juin 2025 à 18 h 01");
  });

  it("follows the change to summer time (no 02 h)", () => {
    expect(formatDateTime(new Date("2026-03-29T00:59:00Z"))).toBe("dimanche 29 mars 2026 à 01 h 59");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("dimanche 29 mars 2026 à 03 h 00");
  });

  it("writes amounts with a narrow space between thousands, asked twice", () => {
    expect(formatEuros(123_450)).toBe("1\u202f234,50\u00a0€");
    expect(formatEuros(123_450)).toBe("1\u202f234,50\u00a0€");
    expect(formatEuros(-5)).toBe("-0,05\u00a0€");
  });

  it("still refuses an invalid date", () => {
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
