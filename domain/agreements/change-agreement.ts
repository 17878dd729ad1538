import type { Db } from "../../prisma/create-db.ts";
import type { Prisma } from "../../prisma/generated/client.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { assertNotInFuture } from "../dates/parse-french-date.ts";
import { DomainError } from "../errors/domain-error.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import { applyStatusFromFacts } from "../projects/apply-status-from-facts.ts";
import {
  type AgreementAction,
  agreementActionLabels,
  agreementNextStep,
  agreementStatusLabels,
  nextAgreementStatus,
} from "./agreement-transitions.ts";
import { type AgreementView, agreementViewSelect, findCurrentAgreement, toAgreementView } from "./agreement-view.ts";

export interface AgreementChange {
  /** The project reference, e.g. `2022-017`. */
  reference: string;
  action: AgreementAction;
  /** When it was signed (signatures); `now` when omitted. Never in the future. */
  on?: Date | undefined;
  /** Why it is cancelled (kept in the audit log). */
  reason?: string | undefined;
  actor: AuditActor;
  now: Date;
  /** The porteur's link to the document, put in the `agreement-to-sign` e-mail (send only). */
  documentUrl?: ((agreement: AgreementView) => string) | undefined;
}

/**
 * Moves the project's current convention one step (send, signed by the porteur, signed
 * by the Département, cancel), refusing in French any move its status does not allow.
 * In one transaction: the change, its audit line, the project status following the
 * facts, and for `send` the outbox row « agreement-to-sign » to the porteur, so the
 * e-mail exists if and only if the convention is recorded as sent. Returns the
 * convention and the outbox ids to hand to the queue after commit.
 */
export async function changeAgreement(
  db: Db,
  change: AgreementChange,
): Promise<{ agreement: AgreementView; notificationIds: number[] }> {
  const on = change.on ?? change.now;
  assertNotInFuture(on, change.now);
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { reference: change.reference },
      select: {
        id: true,
        reference: true,
        title: true,
        holder: { select: { name: true, contactName: true, email: true } },
      },
    });
    if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference: change.reference });
    const current = await findCurrentAgreement(tx, project.id);
    if (!current) throw new DomainError("AGREEMENT_NOT_FOUND", { reference: change.reference });
    const next = nextAgreementStatus(current.status, change.action);
    if (next === null) {
      throw new DomainError("AGREEMENT_TRANSITION_REFUSED", {
        agreementReference: current.reference,
        current: agreementStatusLabels[current.status],
        wanted: agreementActionLabels[change.action],
        hint: agreementNextStep[current.status].replaceAll("<référence>", change.reference),
      });
    }
    if (change.action === "cancel") {
      const payments = await tx.payment.count({ where: { agreementId: current.id, status: { not: "CANCELLED" } } });
      if (payments > 0) throw new DomainError("AGREEMENT_HAS_PAYMENTS", { agreementReference: current.reference });
    }
    const dates: Prisma.AgreementUpdateInput = {
      send: { sentAt: on },
      signByHolder: { holderSignedAt: on },
      signByDepartment: { departmentSignedAt: on },
      cancel: { cancelledAt: on },
    }[change.action];
    const row = await tx.agreement.update({
      where: { id: current.id },
      data: { status: next, ...dates },
      select: agreementViewSelect,
    });
    const agreement = toAgreementView(row);
    await recordAudit(tx, {
      actor: change.actor,
      action: `agreement.${change.action}`,
      entity: "Agreement",
      entityId: current.id,
      before: { status: current.status },
      after: { status: next, ...dates, ...(change.reason ? { reason: change.reason } : {}) },
      at: change.now,
    });
    const notificationIds: number[] = [];
    if (change.action === "send") {
      const id = await recordNotification(tx, {
        template: "agreement-to-sign",
        recipientEmail: project.holder.email,
        recipientName: project.holder.contactName ?? project.holder.name,
        payload: {
          holderName: project.holder.contactName ?? project.holder.name,
          projectReference: project.reference,
          projectTitle: project.title,
          agreementReference: agreement.reference,
          amountCents: agreement.amountCents,
          ...(change.documentUrl ? { documentUrl: change.documentUrl(agreement) } : {}),
        },
        idempotencyKey: `agreement-to-sign:${agreement.reference}`,
        projectId: project.id,
      });
      if (id !== null) notificationIds.push(id);
    }
    await applyStatusFromFacts(tx, project.id, change.actor, change.now);
    return { agreement, notificationIds };
  });
}
