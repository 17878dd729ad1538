import type { DbTx } from "../../prisma/create-db.ts";
import { formatShortDate } from "../dates/format-date.ts";
import { dateOnly } from "../dates/paris-time.ts";
import { DomainError } from "../errors/domain-error.ts";
import { formatEuros } from "../money/format-euros.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import { projectStatusLabels } from "../projects/status-labels.ts";
import type { InvoiceFacts } from "./invoice-check-input.ts";

const DAY_MS = 86_400_000;
const MAX_COMMENT = 2000;
const MAX_ITEMS = 20;

/** The project fields the rules read. */
export interface CheckedProject {
  id: number;
  reference: string;
  title: string;
  status: keyof typeof projectStatusLabels;
  edition: { year: number; voteStartsAt: Date | null };
  holder: { name: string; email: string };
}

export const checkedProjectSelect = {
  id: true,
  reference: true,
  title: true,
  status: true,
  edition: { select: { year: true, voteStartsAt: true } },
  holder: { select: { name: true, email: true } },
} as const;

/**
 * Checks what an agent states about an invoice against the rules of DOMAIN.md « Invoice
 * checks »: texts present and short enough, eligible ≤ amount, a date neither after
 * today (Paris day) nor before the edition began (its vote, or 1 January of its year),
 * and an « à compléter » outcome that says what is missing. Returns the facts cleaned
 * (trimmed texts, missing items derived from the comment); throws a `DomainError`.
 */
export function checkInvoiceFacts(facts: InvoiceFacts, project: CheckedProject, now: Date): InvoiceFacts {
  if (project.status === "ABANDONED" || project.status === "CLOSED") {
    throw new DomainError("INVOICE_PROJECT_CLOSED", {
      reference: project.reference,
      status: projectStatusLabels[project.status].toLowerCase(),
    });
  }
  const supplier = facts.supplier.replace(/\s+/g, " ").trim();
  const number = facts.number.trim();
  const comment = facts.comment.trim();
  const invalid = (reason: string) => new DomainError("INVOICE_FIELD_INVALID", { reason });
  if (!supplier) throw invalid("indiquez le fournisseur");
  if (supplier.length > 200) throw invalid("le nom du fournisseur dépasse 200 caractères");
  if (!number) throw invalid("indiquez le numéro de la facture");
  if (number.length > 60 || /\s/.test(number))
    throw invalid("le numéro de facture est un seul mot de 60 caractères au plus");
  if (comment.length > MAX_COMMENT) throw invalid(`le commentaire dépasse ${MAX_COMMENT} caractères`);
  for (const cents of [facts.amountCents, facts.eligibleCents]) {
    if (!Number.isSafeInteger(cents) || cents < 0) throw invalid("montant invalide");
  }
  if (facts.amountCents === 0) throw invalid("le montant de la facture est nul");
  if (facts.eligibleCents > facts.amountCents) {
    throw new DomainError("INVOICE_ELIGIBLE_OVER_AMOUNT", {
      eligible: formatEuros(facts.eligibleCents),
      amount: formatEuros(facts.amountCents),
    });
  }
  const today = dateOnly(now);
  if (Number.isNaN(facts.invoiceDate.getTime())) throw invalid("date de facture invalide");
  if (facts.invoiceDate.getTime() > today.getTime()) {
    throw new DomainError("INVOICE_DATE_IN_FUTURE", { date: dayText(facts.invoiceDate), today: dayText(today) });
  }
  const start = editionStart(project.edition);
  if (facts.invoiceDate.getTime() < start.getTime()) {
    throw new DomainError("INVOICE_DATE_BEFORE_EDITION", {
      date: dayText(facts.invoiceDate),
      start: dayText(start),
      edition: project.edition.year,
    });
  }
  const missingItems =
    facts.outcome === "INCOMPLETE" ? missingItemsOf(facts.missingItems ?? [], comment) : (facts.missingItems ?? []);
  if (facts.outcome === "INCOMPLETE" && missingItems.length === 0) {
    throw invalid("une facture « à compléter » dit ce qui manque (éléments manquants ou commentaire)");
  }
  if (missingItems.length > MAX_ITEMS) throw invalid(`pas plus de ${MAX_ITEMS} éléments manquants`);
  if (missingItems.some((item) => item.length > 300)) throw invalid("un élément manquant dépasse 300 caractères");
  return { ...facts, supplier, number, comment, missingItems };
}

/** The first day an invoice can count for: the edition's vote, or 1 January of its year. */
export function editionStart(edition: { year: number; voteStartsAt: Date | null }): Date {
  return edition.voteStartsAt ? dateOnly(edition.voteStartsAt) : new Date(Date.UTC(edition.year, 0, 1));
}

/**
 * What is missing: the items given, or else the comment split at semicolons and line
 * breaks (« RIB ; devis signé » → two items), or the whole comment as one item.
 */
export function missingItemsOf(items: readonly string[], comment: string): string[] {
  const given = items.map((item) => item.trim()).filter(Boolean);
  if (given.length > 0) return given;
  return comment
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `12/03/2026` for a `@db.Date` value (midnight UTC, which is the same day in Paris). */
export function dayText(day: Date): string {
  return formatShortDate(new Date(day.getTime() + DAY_MS / 2));
}

/**
 * Writes, inside the caller's transaction, the e-mail telling the porteur what an « à
 * compléter » invoice lacks (template `invoice-incomplete`). One per check: the key is
 * the check's id, so a retried transaction records it once.
 */
export async function notifyIncomplete(
  tx: DbTx,
  project: CheckedProject,
  facts: InvoiceFacts,
  checkId: number,
): Promise<number[]> {
  if (facts.outcome !== "INCOMPLETE") return [];
  const id = await recordNotification(tx, {
    template: "invoice-incomplete",
    recipientEmail: project.holder.email,
    recipientName: project.holder.name,
    projectId: project.id,
    idempotencyKey: `invoice-incomplete:check:${checkId}`,
    payload: {
      holderName: project.holder.name,
      projectReference: project.reference,
      projectTitle: project.title,
      supplier: facts.supplier,
      invoiceNumber: facts.number,
      invoiceDate: facts.invoiceDate.toISOString().slice(0, 10),
      missingItems: facts.missingItems ?? [],
      ...(facts.comment ? { comment: facts.comment } : {}),
    },
  });
  return id === null ? [] : [id];
}

/** The invoice and check fields kept in the audit log. */
export function auditView(invoiceId: number, checkId: number, facts: InvoiceFacts): Record<string, unknown> {
  return {
    invoiceId,
    checkId,
    supplier: facts.supplier,
    number: facts.number,
    invoiceDate: facts.invoiceDate.toISOString().slice(0, 10),
    amountCents: facts.amountCents,
    eligibleCents: facts.eligibleCents,
    outcome: facts.outcome,
    comment: facts.comment,
    missingItems: facts.missingItems ?? [],
  };
}
