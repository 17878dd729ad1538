import type { Db } from "../../prisma/create-db.ts";
import type { PaymentKind, PaymentStatus } from "../../prisma/generated/enums.ts";
import { agreementStatusLabels } from "../agreements/agreement-transitions.ts";
import { findCurrentAgreement } from "../agreements/agreement-view.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { assertNotInFuture } from "../dates/parse-french-date.ts";
import { DomainError } from "../errors/domain-error.ts";
import { formatEuros } from "../money/format-euros.ts";
import { payableCents } from "../money/payable-cents.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import { applyStatusFromFacts } from "../projects/apply-status-from-facts.ts";
import { sumJustified } from "../projects/sum-justified.ts";
import { advanceCents } from "./advance-cents.ts";

export interface PaymentRequest {
  reference: string;
  kind: PaymentKind;
  amountCents: number;
  /** Astre mandate number, already checked by `parseMandate`; required for a payment sent. */
  mandate: string | null;
  /** Sent that day (never in the future), or planned for it. */
  on: Date;
  planned: boolean;
  actor: AuditActor;
  now: Date;
}

/** The project's money after the payment. */
export interface PaymentTotals {
  agreementCents: number;
  paidCents: number;
  plannedCents: number;
  justifiedCents: number;
  /** What is left to pay on the convention. */
  remainingCents: number;
}

const kindLabels: Record<PaymentKind, string> = { ADVANCE: "un acompte", BALANCE: "un solde" };

/**
 * Records an advance (acompte) or balance (solde), sent or planned, refusing what the
 * rules forbid: no payment before the convention is signed by both parties; an advance
 * at most `advanceShareBp` of the convention amount (advances already recorded
 * included); a balance at most what is payable (`payableCents`: justified, capped by the
 * convention, minus what was paid); a sent payment needs its Astre mandate number and a
 * date not in the future. In one transaction: the payment, its audit line, the project
 * status following the facts and, for a payment sent, the outbox row « payment-sent »
 * to the porteur.
 */
export async function recordPayment(
  db: Db,
  request: PaymentRequest,
  /** Runs inside the transaction after every write (tests use it to prove atomicity). */
  afterWrites?: () => Promise<void>,
): Promise<{ paymentId: number; status: PaymentStatus; totals: PaymentTotals; notificationIds: number[] }> {
  if (!request.planned) {
    assertNotInFuture(request.on, request.now);
    if (!request.mandate) {
      throw new DomainError("COMMAND_UNCLEAR", {
        problem: "Le numéro de mandat Astre manque.",
        usage: `versement ${request.reference} acompte 14 000 € mandat M2026-004512`,
      });
    }
  }
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { reference: request.reference },
      select: {
        id: true,
        reference: true,
        title: true,
        awardedCents: true,
        holder: { select: { name: true, contactName: true, email: true } },
      },
    });
    if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference: request.reference });
    const agreement = await findCurrentAgreement(tx, project.id);
    if (agreement?.status !== "SIGNED") {
      throw new DomainError("PAYMENT_AGREEMENT_UNSIGNED", {
        reference: project.reference,
        current: agreement ? agreementStatusLabels[agreement.status] : "inexistante",
      });
    }
    const payments = await tx.payment.findMany({
      where: { projectId: project.id, status: { not: "CANCELLED" } },
      select: { kind: true, amountCents: true, status: true },
    });
    const paidCents = sum(payments.filter((p) => p.status === "SENT"));
    const justifiedCents = await sumJustified(tx, project.id);
    const amount = formatEuros(request.amountCents);
    if (request.kind === "ADVANCE") {
      const ceiling = advanceCents(agreement.amountCents, agreement.advanceShareBp);
      const already = sum(payments.filter((p) => p.kind === "ADVANCE"));
      if (request.amountCents > ceiling - already) {
        const share = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(
          agreement.advanceShareBp / 100,
        );
        throw new DomainError("PAYMENT_OVER_LIMIT", {
          kind: kindLabels.ADVANCE,
          amount,
          limit: formatEuros(Math.max(0, ceiling - already)),
          why: `l'acompte est de ${share} % de la convention, ${formatEuros(ceiling)}, dont ${formatEuros(already)} déjà enregistrés`,
        });
      }
    } else {
      const payable = payableCents({
        awardedCents: project.awardedCents,
        agreementCents: agreement.amountCents,
        justifiedCents,
        paidCents,
      });
      if (request.amountCents > payable) {
        throw new DomainError("PAYMENT_OVER_LIMIT", {
          kind: kindLabels.BALANCE,
          amount,
          limit: formatEuros(payable),
          why: `dépenses justifiées ${formatEuros(justifiedCents)}, convention ${formatEuros(agreement.amountCents)}, déjà versé ${formatEuros(paidCents)}`,
        });
      }
    }
    const status: PaymentStatus = request.planned ? "PLANNED" : "SENT";
    const payment = await tx.payment.create({
      data: {
        projectId: project.id,
        agreementId: agreement.id,
        kind: request.kind,
        amountCents: request.amountCents,
        astreMandate: request.mandate,
        status,
        plannedAt: request.planned ? request.on : null,
        sentAt: request.planned ? null : request.on,
        recordedById: request.actor.agentId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: request.actor,
      action: "payment.record",
      entity: "Payment",
      entityId: payment.id,
      before: null,
      after: {
        kind: request.kind,
        amountCents: request.amountCents,
        astreMandate: request.mandate,
        status,
        on: request.on,
      },
      at: request.now,
    });
    const newPaid = paidCents + (request.planned ? 0 : request.amountCents);
    const totals: PaymentTotals = {
      agreementCents: agreement.amountCents,
      paidCents: newPaid,
      plannedCents: sum(payments.filter((p) => p.status === "PLANNED")) + (request.planned ? request.amountCents : 0),
      justifiedCents,
      remainingCents: Math.max(0, agreement.amountCents - newPaid),
    };
    const notificationIds: number[] = [];
    if (!request.planned) {
      const holderName = project.holder.contactName ?? project.holder.name;
      const id = await recordNotification(tx, {
        template: "payment-sent",
        recipientEmail: project.holder.email,
        recipientName: holderName,
        payload: {
          holderName,
          projectReference: project.reference,
          projectTitle: project.title,
          kind: request.kind,
          amountCents: request.amountCents,
          ...(request.mandate ? { astreMandate: request.mandate } : {}),
          sentAt: request.on.toISOString(),
          remainingCents: totals.remainingCents,
        },
        idempotencyKey: `payment-sent:${payment.id}`,
        projectId: project.id,
      });
      if (id !== null) notificationIds.push(id);
    }
    await applyStatusFromFacts(tx, project.id, request.actor, request.now);
    await afterWrites?.();
    return { paymentId: payment.id, status, totals, notificationIds };
  });
}

function sum(payments: { amountCents: number }[]): number {
  return payments.reduce((total, p) => total + p.amountCents, 0);
}
