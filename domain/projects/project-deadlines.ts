import { parisDaysBetween, parisDaysFrom } from "../dates/paris-time.ts";
import type { Deadline } from "./project-detail-view.ts";
import type { ProjectFacts } from "./project-facts.ts";

/** A convention sent and still unsigned by the porteur more than this many days later is late. */
export const AGREEMENT_SIGNATURE_DAYS = 15;

type AgreementFacts = ProjectFacts["agreement"];
type PaymentFacts = ProjectFacts["payments"][number];

/** Sent, not signed by the porteur, more than 15 Paris days ago. */
export function isAgreementLate(agreement: AgreementFacts, now: Date): boolean {
  if (agreement?.status !== "SENT" || !agreement.sentAt) return false;
  return parisDaysBetween(agreement.sentAt, now) > AGREEMENT_SIGNATURE_DAYS;
}

/** The bilan n+1 is due on a day: late from the next Paris day on, until it is received. */
export function isReportLate(facts: Pick<ProjectFacts, "reportDueAt" | "reportReceivedAt">, now: Date): boolean {
  if (!facts.reportDueAt || facts.reportReceivedAt) return false;
  return parisDaysBetween(facts.reportDueAt, now) > 0;
}

/** A payment still planned after its planned date. */
export function isPaymentLate(payment: PaymentFacts, now: Date): boolean {
  return payment.status === "PLANNED" && payment.plannedAt !== null && payment.plannedAt < now;
}

/**
 * What the project waits for, soonest first: the convention to sign, planned payments,
 * the next inauguration, the bilan n+1. A closed or abandoned project waits for nothing.
 */
export function projectDeadlines(facts: ProjectFacts, now: Date): Deadline[] {
  if (facts.status === "ABANDONED" || facts.status === "CLOSED") return [];
  const deadlines: Deadline[] = [];
  const { agreement } = facts;
  if (agreement?.status === "SENT" && agreement.sentAt) {
    const at = parisDaysFrom(agreement.sentAt, AGREEMENT_SIGNATURE_DAYS);
    deadlines.push({ kind: "agreementSignature", at, late: isAgreementLate(agreement, now) });
  }
  for (const payment of facts.payments) {
    if (payment.status !== "PLANNED" || !payment.plannedAt) continue;
    deadlines.push({
      kind: "payment",
      at: payment.plannedAt,
      late: isPaymentLate(payment, now),
      amountCents: payment.amountCents,
      paymentKind: payment.kind,
    });
  }
  const inauguration = facts.inauguratedAt ? undefined : facts.plannedInaugurations.find((at) => at >= now);
  if (inauguration) deadlines.push({ kind: "inauguration", at: inauguration, late: false });
  if (facts.reportDueAt && !facts.reportReceivedAt) {
    deadlines.push({ kind: "report", at: facts.reportDueAt, late: isReportLate(facts, now) });
  }
  return deadlines.sort((a, b) => a.at.getTime() - b.at.getTime());
}
