import type { Db } from "../../prisma/create-db.ts";
import type { CheckOutcome } from "../../prisma/generated/enums.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { getProjectDetail } from "../projects/get-project-detail.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { InvoiceCheckResult, InvoiceFacts } from "./invoice-check-input.ts";
import { auditView, checkedProjectSelect, checkInvoiceFacts } from "./invoice-check-rules.ts";
import { writeInvoiceCheck } from "./write-invoice-check.ts";

export interface EditInvoiceCheckInput extends Partial<InvoiceFacts> {
  /** The number of the check being corrected (any check of the invoice: the new one supersedes the latest). */
  checkId: number;
  actor: AuditActor;
  now: Date;
}

/**
 * Corrects a check: a NEW InvoiceCheck row supersedes the invoice's latest one (the old
 * rows stay: the history of who decided what is never overwritten), and the Invoice's
 * own fields (supplier, number, date, amount) change when given differently. Fields not
 * given keep their current value; the same rules as a first check apply to the result.
 * Audit with before/after; an « à compléter » outcome tells the porteur again. One
 * transaction; returns the refreshed totals.
 */
export async function editInvoiceCheck(db: Db, input: EditInvoiceCheckInput): Promise<InvoiceCheckResult> {
  const { checkId, actor, now } = input;
  const result = await db.$transaction(async (tx) => {
    const found = await tx.invoiceCheck.findUnique({ where: { id: checkId }, select: { invoiceId: true } });
    if (!found) throw new DomainError("INVOICE_CHECK_NOT_FOUND", { checkId: String(checkId) });
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: found.invoiceId },
      select: {
        id: true,
        supplier: true,
        number: true,
        issuedOn: true,
        amountCents: true,
        cancelledAt: true,
        project: { select: checkedProjectSelect },
        checks: { orderBy: [{ checkedAt: "desc" }, { id: "desc" }], take: 1 },
      },
    });
    if (invoice.cancelledAt)
      throw new DomainError("INVOICE_CANCELLED", { number: invoice.number, supplier: invoice.supplier });
    const latest = invoice.checks[0];
    const before: InvoiceFacts = {
      supplier: invoice.supplier,
      number: invoice.number,
      invoiceDate: invoice.issuedOn,
      amountCents: invoice.amountCents,
      eligibleCents: latest?.eligibleCents ?? 0,
      outcome: latest?.outcome ?? ("COMPLIANT" as CheckOutcome),
      comment: latest?.comment ?? "",
      missingItems: latest?.missingItems ?? [],
    };
    const wanted: InvoiceFacts = {
      supplier: input.supplier ?? before.supplier,
      number: input.number ?? before.number,
      invoiceDate: input.invoiceDate ?? before.invoiceDate,
      amountCents: input.amountCents ?? before.amountCents,
      eligibleCents: input.eligibleCents ?? before.eligibleCents,
      outcome: input.outcome ?? before.outcome,
      comment: input.comment ?? before.comment,
      // Items listed for an earlier « à compléter » are dropped when the comment or outcome changes without new ones.
      missingItems:
        input.missingItems ?? (input.comment === undefined && input.outcome === undefined ? before.missingItems : []),
    };
    const { project } = invoice;
    const facts = checkInvoiceFacts(wanted, project, now);
    if (facts.outcome !== "INCOMPLETE") facts.missingItems = [];
    const supplierKey = normalizeKey(facts.supplier);
    if (supplierKey !== normalizeKey(before.supplier) || facts.number !== before.number) {
      const other = await tx.invoice.findUnique({
        where: { projectId_supplierKey_number: { projectId: project.id, supplierKey, number: facts.number } },
        select: { id: true, supplier: true, checks: { select: { id: true }, orderBy: { id: "desc" }, take: 1 } },
      });
      if (other && other.id !== invoice.id) {
        throw new DomainError("INVOICE_DUPLICATE", {
          supplier: other.supplier,
          number: facts.number,
          reference: project.reference,
          checkId: other.checks[0]?.id ?? 0,
        });
      }
    }
    const invoiceChanged =
      facts.supplier !== before.supplier ||
      facts.number !== before.number ||
      facts.invoiceDate.getTime() !== before.invoiceDate.getTime() ||
      facts.amountCents !== before.amountCents;
    if (invoiceChanged) {
      await tx.invoice.update({
        where: { id: invoice.id },
        data: {
          supplier: facts.supplier,
          supplierKey,
          number: facts.number,
          issuedOn: facts.invoiceDate,
          amountCents: facts.amountCents,
        },
        select: { id: true },
      });
    }
    const written = await writeInvoiceCheck(tx, {
      invoiceId: invoice.id,
      project,
      facts,
      actor,
      now,
    });
    const check = { id: written.checkId };
    const { notificationIds } = written;
    await recordAudit(tx, {
      actor,
      action: "invoice-check.edit",
      entity: "InvoiceCheck",
      entityId: check.id,
      before: { reference: project.reference, ...auditView(invoice.id, latest?.id ?? 0, before) },
      after: { reference: project.reference, ...auditView(invoice.id, check.id, facts) },
      at: now,
    });
    return { invoiceId: invoice.id, checkId: check.id, notificationIds, reference: project.reference };
  });
  const { reference, ...rest } = result;
  return { ...rest, project: await getProjectDetail(db, reference, now) };
}
