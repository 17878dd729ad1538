import { describe, expect, it } from "vitest";
import { parseEuros } from "../../domain/money/parse-euros.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("parseEuros (amounts typed by agents)", () => {
  it.each([
    ["1 234,50", 123_450],
    ["1234.5", 123_450],
    ["1 234,50 €", 123_450],
    ["1234,5 €", 123_450],
    ["1 234", 123_400],
    [`1${NBSP}234`, 123_400],
    [`1${NNBSP}234,50${NBSP}€`, 123_450],
    ["1.234,50", 123_450],
    ["1.234.567,8", 123_456_780],
    ["1 100 €", 110_000],
    ["0,01", 1],
    ["12,3", 1_230],
    ["1 234.56", 123_456],
    ["25400€", 2_540_000],
    ["68 525 euros", 6_852_500],
    ["10 000 000", 1_000_000_000],
  ])("reads %j as %i cents", (input, cents) => {
    expect(parseEuros(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ["12,345,67", "plusieurs virgules"],
    ["1,2,3", "plusieurs virgules"],
    ["abc", "illisible"],
    ["-12", "négatif"],
    ["−12,50", "négatif"],
    ["12,345", "au plus deux décimales"],
    ["12.3456", "au plus deux décimales"],
    ["1.234", "ambigu"],
    ["1.234.567", "points ambigus"],
    ["10 000 000,01", "trop élevé (10 000 000 € au plus)"],
    ["99999999999999999", "trop élevé"],
    ["0", "nul"],
    ["", "manquant"],
    ["12,", "illisible"],
    ["2 5400", "illisible"],
    ["1 23,50", "illisible"],
    ["1.234 567,00", "illisible"],
    ["12 $", "illisible"],
  ])("refuses %j (%s)", (input, reason) => {
    const result = parseEuros(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason.replace(/\u202f/g, " ")).toContain(reason);
  });

  it("accepts nil only when asked (an eligible amount may be 0)", () => {
    expect(parseEuros("0", { allowZero: true })).toEqual({ ok: true, cents: 0 });
    expect(parseEuros("0,00 €", { allowZero: true })).toEqual({ ok: true, cents: 0 });
  });

  it("quotes the refused text and says what to write for an ambiguous dot", () => {
    expect(parseEuros("1.234")).toEqual({
      ok: false,
      reason: "montant « 1.234 » illisible (ambigu : pour 1 234 €, écrivez 1 234 ; les centimes suivent une virgule)",
    });
  });
});
