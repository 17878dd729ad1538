import { dateOnly, parisDay } from "../../domain/dates/paris-time.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { CheckSeed, InvoiceSeed } from "./follow-up-types.ts";
import type { Rng } from "./prng.ts";
import type { Timeline } from "./timeline.ts";

/** How the checks of one invoice went; the last check is the invoice's current state. */
export type CheckPlan = "compliant" | "partial" | "incomplete" | "nonCompliant" | "incompleteThenCompliant";

export interface InvoiceRequest {
  suppliers: readonly string[];
  /** Total of the invoices, in cents. */
  totalCents: number;
  plans: readonly CheckPlan[];
  /** Invoices are issued after this (the advance) and before `until`. */
  from: Date;
  until: Date;
  checkers: readonly string[];
}

const MISSING = [
  "Mention « acquittée » avec la date et le mode de règlement",
  "RIB du fournisseur",
  "Détail des prestations (devis signé)",
  "Numéro SIRET du fournisseur",
  "Photographie de l'équipement installé",
] as const;

const NON_COMPLIANT = [
  "Facture établie au nom d'un tiers et non du porteur.",
  "Facture antérieure à la signature de la convention.",
  "Dépense hors de l'objet du projet (consommables de fonctionnement).",
] as const;

const PARTIAL = [
  "Frais de livraison non éligibles.",
  "Une ligne de fournitures sans lien avec le projet, retirée.",
  "Frais de bouche de l'inauguration non éligibles.",
] as const;

/**
 * Invoices of a project and their checks. Eligible amounts never exceed the invoice;
 * only the invoices whose last check is COMPLIANT justify spending (see `justifiedCents`).
 */
export function buildInvoices(rng: Rng, timeline: Timeline, request: InvoiceRequest): InvoiceSeed[] {
  const amounts = split(rng, request.totalCents, request.plans.length);
  const numbers = new Set<string>();
  let previous = request.from;
  return request.plans.map((plan, index) => {
    const supplier = rng.pick(request.suppliers);
    const issued = timeline.after(previous, 5, 60, request.until);
    previous = issued;
    const receivedAt = timeline.after(issued, 2, 20);
    const drawn = invoiceNumber(rng, issued);
    const number = numbers.has(`${normalizeKey(supplier)}|${drawn}`) ? `${drawn}-${index + 1}` : drawn;
    numbers.add(`${normalizeKey(supplier)}|${number}`);
    const amountCents = amounts[index] as number;
    const checker = rng.pick(request.checkers);
    return {
      supplier,
      supplierKey: normalizeKey(supplier),
      number,
      issuedOn: dateOnly(issued),
      amountCents,
      receivedAt,
      cancelledAt: null,
      cancelReason: null,
      checks: checksFor(rng, timeline, plan, amountCents, receivedAt, checker),
    };
  });
}

/** What the compliant invoices justify: the eligible amount of each one whose last check is COMPLIANT. */
export function justifiedCents(invoices: readonly InvoiceSeed[]): number {
  return invoices.reduce((sum, invoice) => {
    const last = invoice.checks.at(-1);
    return invoice.cancelledAt || last?.outcome !== "COMPLIANT" ? sum : sum + last.eligibleCents;
  }, 0);
}

function checksFor(
  rng: Rng,
  timeline: Timeline,
  plan: CheckPlan,
  amountCents: number,
  receivedAt: Date,
  checkedByAad: string,
): CheckSeed[] {
  const first = timeline.after(receivedAt, 1, 12);
  const compliant = (checkedAt: Date): CheckSeed => ({
    eligibleCents: amountCents,
    outcome: "COMPLIANT",
    comment: rng.chance(0.5) ? "Conforme au devis." : "",
    missingItems: [],
    checkedByAad,
    checkedAt,
  });
  const incomplete = (checkedAt: Date): CheckSeed => ({
    eligibleCents: 0,
    outcome: "INCOMPLETE",
    comment: "Pièces à compléter avant le paiement du solde.",
    missingItems: rng.shuffle(MISSING).slice(0, rng.int(1, 2)),
    checkedByAad,
    checkedAt,
  });
  switch (plan) {
    case "compliant":
      return [compliant(first)];
    case "partial": {
      const withheld = Math.round(amountCents * (0.03 + rng.next() * 0.09));
      return [{ ...compliant(first), eligibleCents: amountCents - withheld, comment: rng.pick(PARTIAL) }];
    }
    case "incomplete":
      return [incomplete(first)];
    case "nonCompliant":
      return [
        {
          eligibleCents: 0,
          outcome: "NON_COMPLIANT",
          comment: rng.pick(NON_COMPLIANT),
          missingItems: [],
          checkedByAad,
          checkedAt: first,
        },
      ];
    case "incompleteThenCompliant":
      return [
        incomplete(first),
        { ...compliant(timeline.after(first, 8, 30)), comment: "Pièces reçues, facture conforme." },
      ];
  }
}

/** Splits a total into `count` uneven parts that add up exactly. */
function split(rng: Rng, totalCents: number, count: number): number[] {
  const weights = Array.from({ length: count }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.round((totalCents * w) / sum));
  parts[count - 1] = totalCents - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

function invoiceNumber(rng: Rng, issued: Date): string {
  const year = parisDay(issued).year;
  const n = rng.int(12, 2480);
  switch (rng.int(0, 2)) {
    case 0:
      return `FA${year}-${String(n).padStart(4, "0")}`;
    case 1:
      return `F-${String(n * 7).padStart(6, "0")}`;
    default:
      return `${year}/${n}`;
  }
}
