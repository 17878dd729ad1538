import type { Db } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { getProjectDetail } from "../projects/get-project-detail.ts";
import type { InvoiceCheckResult } from "./invoice-check-input.ts";

export interface CancelInvoiceInput {
  /** The invoice number as written on it, e.g. `F-2291`. */
  number: string;
  /** The project, needed only when several projects have an invoice with this number. */
  reference?: string | undefined;
  reason: string;
  actor: AuditActor;
  now: Date;
}

/**
 * Cancels an invoice (sent by mistake, replaced by a credit note): sets `cancelledAt` and
 * the reason, keeps its checks, and it stops counting in the justified amount. Audited
 * in the same transaction. Returns the refreshed totals.
 */
export async function cancelInvoice(db: Db, input: CancelInvoiceInput): Promise<InvoiceCheckResult> {
  const { number, reference, actor, now } = input;
  const reason = input.reason.replace(/\s+/g, " ").trim();
  if (!reason)
    throw new DomainError("INVOICE_FIELD_INVALID", {
      reason: 'indiquez la raison de l\'annulation entre guillemets, par exemple "avoir reçu"',
    });
  if (reason.length > 500)
    throw new DomainError("INVOICE_FIELD_INVALID", { reason: "la raison dépasse 500 caractères" });
  const result = await db.$transaction(async (tx) => {
    const candidates = await tx.invoice.findMany({
      where: { number, ...(reference ? { project: { reference } } : {}) },
      select: {
        id: true,
        supplier: true,
        number: true,
        cancelledAt: true,
        cancelReason: true,
        project: { select: { reference: true } },
        checks: { select: { id: true }, orderBy: [{ checkedAt: "desc" }, { id: "desc" }], take: 1 },
      },
      orderBy: { id: "asc" },
    });
    const open = candidates.filter((c) => !c.cancelledAt);
    if (open.length === 0) {
      const cancelled = candidates[0];
      if (cancelled) throw new DomainError("INVOICE_CANCELLED", { number, supplier: cancelled.supplier });
      throw new DomainError("INVOICE_NOT_FOUND", { number });
    }
    if (open.length > 1) {
      const references = open.map((c) => `${c.project.reference} · ${c.supplier}`).join(", ");
      throw new DomainError("INVOICE_AMBIGUOUS", { number, references });
    }
    const invoice = open[0]!;
    await tx.invoice.update({
      where: { id: invoice.id },
      data: { cancelledAt: now, cancelReason: reason },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "invoice.cancel",
      entity: "Invoice",
      entityId: invoice.id,
      before: {
        reference: invoice.project.reference,
        number: invoice.number,
        supplier: invoice.supplier,
        cancelledAt: null,
      },
      after: {
        reference: invoice.project.reference,
        number: invoice.number,
        supplier: invoice.supplier,
        cancelledAt: now,
        cancelReason: reason,
      },
      at: now,
    });
    return { invoiceId: invoice.id, checkId: invoice.checks[0]?.id ?? null, reference: invoice.project.reference };
  });
  return {
    invoiceId: result.invoiceId,
    checkId: result.checkId,
    notificationIds: [],
    project: await getProjectDetail(db, result.reference, now),
  };
}
