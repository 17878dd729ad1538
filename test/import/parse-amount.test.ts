import { describe, expect, it } from "vitest";
import { parseAmount } from "../../domain/import/parse-amount.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("parseAmount", () => {
  it.each([
    ["25 400 €", 2_540_000],
    ["25400,00", 2_540_000],
    ["25 400,50", 2_540_050],
    ["25400", 2_540_000],
    [`25${NBSP}400,50${NBSP}€`, 2_540_050],
    [`25${NNBSP}400,50${NBSP}€`, 2_540_050],
    ["1 234 567,8", 123_456_780],
    ["  7 000 € ", 700_000],
    ["25400€", 2_540_000],
    ["25 400,00 EUR", 2_540_000],
    ["68 525 euros", 6_852_500],
    ["0,01", 1],
    [25400, 2_540_000],
    [25400.5, 2_540_050],
    [0.1 + 0.2, 30],
  ] as [string | number, number][])("reads %j as %i cents", (input, cents) => {
    expect(parseAmount(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ["25.400", "illisible"],
    ["25400.00", "illisible"],
    ["25 40", "illisible"],
    ["2 5400", "illisible"],
    ["25 400,505", "illisible"],
    ["-100", "illisible"],
    ["environ 25 000", "illisible"],
    ["25 000 $", "illisible"],
    ["", "manquant"],
    ["   ", "manquant"],
    ["0", "nul"],
    ["0,00 €", "nul"],
    ["99999999999", "trop élevé"],
    [25400.555, "deux décimales"],
    [-3, "négatif"],
    [Number.NaN, "illisible"],
  ] as [string | number, string][])("refuses %j (%s)", (input, reason) => {
    const result = parseAmount(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });

  it("quotes the refused text in the reason", () => {
    expect(parseAmount("25.400")).toEqual({
      ok: false,
      reason: "montant « 25.400 » illisible (attendu par exemple 25 400 €, 25400,00 ou 25 400,50)",
    });
  });
});
