import type { DbTx } from "../../prisma/create-db.ts";
import type { AuditActor } from "../audit/record-audit.ts";
import type { InvoiceFacts } from "./invoice-check-input.ts";
import { type CheckedProject, notifyIncomplete } from "./invoice-check-rules.ts";

/**
 * Writes a new check of an invoice and, for « à compléter », the porteur's notice, in
 * the caller's transaction. Recording and editing both go through here: an edit is a
 * new check superseding the previous one, never an overwrite.
 */
export async function writeInvoiceCheck(
  tx: DbTx,
  args: { invoiceId: number; project: CheckedProject; facts: InvoiceFacts; actor: AuditActor; now: Date },
): Promise<{ checkId: number; notificationIds: number[] }> {
  const { facts } = args;
  const check = await tx.invoiceCheck.create({
    data: {
      invoiceId: args.invoiceId,
      eligibleCents: facts.eligibleCents,
      outcome: facts.outcome,
      comment: facts.comment,
      missingItems: facts.missingItems ?? [],
      checkedById: args.actor.agentId,
      checkedAt: args.now,
    },
    select: { id: true },
  });
  const notificationIds = await notifyIncomplete(tx, args.project, facts, check.id);
  return { checkId: check.id, notificationIds };
}
