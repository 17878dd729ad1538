import type { Db } from "../../prisma/create-db.ts";
import { Prisma } from "../../prisma/generated/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { getProjectDetail } from "../projects/get-project-detail.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { InvoiceCheckResult, RecordInvoiceCheckInput } from "./invoice-check-input.ts";
import { auditView, checkedProjectSelect, checkInvoiceFacts } from "./invoice-check-rules.ts";
import { writeInvoiceCheck } from "./write-invoice-check.ts";

/**
 * Records a new invoice of a project and the agent's check of it, in ONE transaction:
 * the Invoice, its first InvoiceCheck, the outbox row telling the porteur what is
 * missing when the outcome is « à compléter », and the audit line (written last, so
 * nothing stays if any write fails). The same supplier (compared by `normalizeKey`) and
 * number twice on a project is refused, pointing to `facture modifier`. Returns the
 * project's refreshed totals (justified so far, still payable).
 */
export async function recordInvoiceCheck(db: Db, input: RecordInvoiceCheckInput): Promise<InvoiceCheckResult> {
  try {
    return await recordOnce(db, input);
  } catch (error) {
    // Two agents saving the same invoice at once: both passed the duplicate check, the
    // unique index let one through. Once more, and the loser gets the French refusal.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return recordOnce(db, input);
    throw error;
  }
}

async function recordOnce(db: Db, input: RecordInvoiceCheckInput): Promise<InvoiceCheckResult> {
  const { reference, actor, now } = input;
  const { invoiceId, checkId, notificationIds } = await db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { reference }, select: checkedProjectSelect });
    if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference });
    const facts = checkInvoiceFacts(input, project, now);
    const supplierKey = normalizeKey(facts.supplier);
    const existing = await tx.invoice.findUnique({
      where: { projectId_supplierKey_number: { projectId: project.id, supplierKey, number: facts.number } },
      select: { supplier: true, cancelledAt: true, checks: { select: { id: true }, orderBy: { id: "desc" }, take: 1 } },
    });
    if (existing?.cancelledAt)
      throw new DomainError("INVOICE_CANCELLED", { number: facts.number, supplier: existing.supplier });
    if (existing) {
      throw new DomainError("INVOICE_DUPLICATE", {
        supplier: existing.supplier,
        number: facts.number,
        reference,
        checkId: existing.checks[0]?.id ?? 0,
      });
    }
    const invoice = await tx.invoice.create({
      data: {
        projectId: project.id,
        supplier: facts.supplier,
        supplierKey,
        number: facts.number,
        issuedOn: facts.invoiceDate,
        amountCents: facts.amountCents,
        receivedAt: now,
      },
      select: { id: true },
    });
    const { checkId, notificationIds: ids } = await writeInvoiceCheck(tx, {
      invoiceId: invoice.id,
      project,
      facts,
      actor,
      now,
    });
    const check = { id: checkId };
    await recordAudit(tx, {
      actor,
      action: "invoice-check.record",
      entity: "InvoiceCheck",
      entityId: check.id,
      before: null,
      after: { reference, ...auditView(invoice.id, check.id, facts) },
      at: now,
    });
    return { invoiceId: invoice.id, checkId: check.id, notificationIds: ids };
  });
  return { invoiceId, checkId, notificationIds, project: await getProjectDetail(db, reference, now) };
}
