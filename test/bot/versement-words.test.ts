import { describe, expect, it } from "vitest";
import { parsePayment } from "../../bot/commands/versement.ts";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";

const NOW = parisTime(2026, 3, 20, 11, 0);

/** The French message `parsePayment` refuses with. */
function refusal(text: string): string {
  try {
    parsePayment(text, NOW);
  } catch (error) {
    if (error instanceof DomainError) return error.frenchMessage;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe("reading « versement … » as agents type it", () => {
  it("reads kind, amount, mandate and date in any order after the kind", () => {
    expect(parsePayment("acompte 14 000 € mandat M2026-004512 le 12/03/2026", NOW)).toEqual({
      kind: "ADVANCE",
      amountCents: 1_400_000,
      mandate: "M2026-004512",
      on: parisTime(2026, 3, 12, 12),
      planned: false,
    });
    expect(parsePayment("Solde mandat m2026-000001 5 000,50", NOW)).toMatchObject({
      kind: "BALANCE",
      amountCents: 500_050,
      mandate: "M2026-000001",
      on: NOW,
    });
    expect(parsePayment("solde 5 000 € prévu le 15/04/2026", NOW)).toMatchObject({ planned: true, mandate: null });
  });

  it("refuses, in French, a missing kind, amount, a bad amount, mandate or date", () => {
    expect(refusal("14 000 € mandat M2026-004512")).toContain("Précisez **acompte** ou **solde**");
    expect(refusal("acompte mandat M2026-004512")).toContain("Indiquez le montant");
    expect(refusal("acompte 14.000 mandat M2026-004512")).toContain("Je ne lis pas ce montant");
    expect(refusal("acompte 14 000 € mandat 4512")).toContain("n'est pas un numéro de mandat Astre");
    expect(refusal("acompte 14 000 € mandat M2026-004512 le 31/02/2026")).toContain("n'est pas une date");
  });
});
