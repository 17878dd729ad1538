import { describe, expect, it } from "vitest";
import {
  parseFrenchDay,
  parseInvoiceCancelLine,
  parseInvoiceEditLine,
  parseInvoiceLine,
} from "../../bot/commands/parse-invoice-line.ts";
import { parisTime } from "../../domain/dates/paris-time.ts";

const NOW = parisTime(2026, 11, 28, 23, 30); // already the 28th in Paris, 22:30 UTC
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("parseInvoiceLine", () => {
  it.each([
    [
      'facture_ 2022-017 Décathlon F-2291 1 234,50 € éligible 1 100 € conforme "commentaire"',
      {
        supplier: "Décathlon",
        number: "F-2291",
        amountCents: 123_450,
        eligibleCents: 110_000,
        outcome: "COMPLIANT",
        comment: "commentaire",
        invoiceDate: day(2026, 11, 28),
      },
    ],
    [
      "2022-17 Menuiserie Lafargue et fils FA2026-118 1234.5 du 12/03/2026 non conforme éligible 0",
      {
        supplier: "Menuiserie Lafargue et fils",
        number: "FA2026-118",
        amountCents: 123_450,
        eligibleCents: 0,
        outcome: "NON_COMPLIANT",
        comment: "",
        invoiceDate: day(2026, 3, 12),
      },
    ],
    [
      "2022-017 Bois & Co 77 1.234,50 a completer « RIB ; devis signé »",
      {
        supplier: "Bois & Co",
        number: "77",
        amountCents: 123_450,
        eligibleCents: 0,
        outcome: "INCOMPLETE",
        comment: "RIB ; devis signé",
      },
    ],
    [
      "2022-017 Décathlon F-1 800 CONFORME",
      { supplier: "Décathlon", number: "F-1", amountCents: 80_000, eligibleCents: 80_000, outcome: "COMPLIANT" },
    ],
    [
      "2022-017 Le Roy du Bois F-2 1\u00a0000\u202f€ à compléter du 1/2/26 “facture non acquittée”",
      {
        supplier: "Le Roy du Bois",
        number: "F-2",
        amountCents: 100_000,
        outcome: "INCOMPLETE",
        invoiceDate: day(2026, 2, 1),
        comment: "facture non acquittée",
      },
    ],
  ])("reads %j", (line, expected) => {
    const result = parseInvoiceLine(line.replace(/^facture_ /, ""), NOW);
    expect(result).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ["Décathlon F-1 100 conforme", "référence de projet attendue"],
    ["2022-017 F-1 100 conforme", "fournisseur manquant"],
    ["2022-017 Décathlon conforme", "numéro de facture manquant"],
    ["2022-017 Décathlon F-1 12,345,67 conforme", "plusieurs virgules"],
    ["2022-017 Décathlon F-1 abc conforme", "montant de la facture : montant « abc » illisible"],
    ["2022-017 Décathlon F-1 conforme", "montant de la facture : montant manquant"],
    [
      "2022-017 Décathlon F-1 100 éligible -5 conforme",
      "montant éligible : montant « -5 » illisible (un montant ne peut pas être négatif)",
    ],
    ["2022-017 Décathlon F-1 100", "issue manquante"],
    ["2022-017 Décathlon F-1 100 du 31/02/2026 conforme", "date « 31/02/2026 » illisible"],
    ["2022-017 Décathlon F-1 100 conforme non conforme", "une seule issue"],
    ['2022-017 Décathlon F-1 100 conforme "pas fermé', "guillemet non fermé"],
    ["2022-017 Décathlon F-1 100 conforme en retard", "je ne comprends pas « en retard »"],
  ])("refuses %j (%s)", (line, reason) => {
    const result = parseInvoiceLine(line, NOW);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.errors.join(" | ")).toContain(reason);
  });
});

describe("parseInvoiceEditLine", () => {
  it.each([
    [
      '12 éligible 1 000 € non conforme "montant revu"',
      { checkId: 12, eligibleCents: 100_000, outcome: "NON_COMPLIANT", comment: "montant revu" },
    ],
    ["n°12 montant 1 300 du 14/03/2026", { checkId: 12, amountCents: 130_000, invoiceDate: day(2026, 3, 14) }],
    [
      "12 Décathlon F-2292 1 234,50 conforme",
      { checkId: 12, supplier: "Décathlon", number: "F-2292", amountCents: 123_450, outcome: "COMPLIANT" },
    ],
  ])("reads %j", (line, expected) => {
    expect(parseInvoiceEditLine(line)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["éligible 100", "numéro de contrôle attendu"],
    ["12", "rien à modifier"],
    ["12 éligible 1,2,3", "plusieurs virgules"],
  ])("refuses %j (%s)", (line, reason) => {
    const result = parseInvoiceEditLine(line);
    expect(result.ok ? "" : result.errors.join(" | ")).toContain(reason);
  });
});

describe("parseInvoiceCancelLine", () => {
  it("reads a number with or without the project", () => {
    expect(parseInvoiceCancelLine('F-2291 "avoir reçu"')).toEqual({
      ok: true,
      value: { number: "F-2291", reason: "avoir reçu" },
    });
    expect(parseInvoiceCancelLine('2022-17 F-2291 "doublon"')).toEqual({
      ok: true,
      value: { reference: "2022-017", number: "F-2291", reason: "doublon" },
    });
  });

  it.each([
    ["F-2291", "raison de l'annulation manquante"],
    ['"raison"', "un numéro de facture attendu"],
    ['abc F-1 "x"', "« abc » n'est pas une référence de projet"],
  ])("refuses %j (%s)", (line, reason) => {
    const result = parseInvoiceCancelLine(line);
    expect(result.ok ? "" : result.errors.join(" | ")).toContain(reason);
  });
});

describe("parseFrenchDay", () => {
  it("reads French days and refuses impossible ones", () => {
    expect(parseFrenchDay("12/03/2026")).toEqual(day(2026, 3, 12));
    expect(parseFrenchDay("1.2.26")).toEqual(day(2026, 2, 1));
    expect(parseFrenchDay("29/02/2025")).toBeNull();
    expect(parseFrenchDay("2026-03-12")).toBeNull();
  });
});
