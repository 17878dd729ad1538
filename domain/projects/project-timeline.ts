import type { ProjectStatus } from "../../prisma/generated/enums.ts";
import { isAgreementLate, isPaymentLate, isReportLate } from "./project-deadlines.ts";
import type { StepDate, StepDateKind, TimelineStep, TimelineStepState } from "./project-detail-view.ts";
import type { ProjectFacts } from "./project-facts.ts";

/** Statuses where the payments are over (the balance was paid). */
const PAID: readonly ProjectStatus[] = ["PAID_IN_FULL", "REPORT_RECEIVED", "CLOSED"];
/** Statuses where an inauguration not held by now will not be (a few were skipped). */
const FINISHED: readonly ProjectStatus[] = ["REPORT_RECEIVED", "CLOSED"];
/** Statuses that imply a signed convention even if its row is missing. */
const BEFORE_SIGNATURE: readonly ProjectStatus[] = ["WINNER", "AGREEMENT_PENDING", "ABANDONED"];

function dates(...entries: [StepDateKind, Date | null][]): StepDate[] {
  return entries.flatMap(([kind, at]) => (at ? [{ kind, at }] : []));
}

function step(key: TimelineStep["key"], state: TimelineStepState, stepDates: StepDate[]): TimelineStep {
  return { key, state, dates: stepDates };
}

/**
 * The project's life as steps lauréat → convention → versements → réalisation →
 * inauguration → bilan n+1 → clos, each done, current, late, upcoming or skipped, with
 * its dates. An abandoned project keeps what was done and ends with the abandonment.
 */
export function projectTimeline(facts: ProjectFacts, now: Date): TimelineStep[] {
  const a = facts.agreement;
  const signed = a ? a.status === "SIGNED" || a.departmentSignedAt !== null : !BEFORE_SIGNATURE.includes(facts.status);
  const nextInauguration = facts.plannedInaugurations.find((at) => at >= now) ?? null;
  const steps = [
    step("winner", "done", dates(["announced", facts.announcedAt])),
    step(
      "agreement",
      signed ? "done" : isAgreementLate(a, now) ? "late" : "current",
      dates(
        ["agreementDrafted", a && !a.sentAt ? a.draftedAt : null],
        ["agreementSent", a?.sentAt ?? null],
        ["holderSigned", a?.holderSignedAt ?? null],
        ["departmentSigned", a?.departmentSignedAt ?? null],
      ),
    ),
    paymentsStep(facts, now, signed),
    step(
      "works",
      facts.completedAt ? "done" : signed ? "current" : "upcoming",
      dates(["completed", facts.completedAt]),
    ),
    facts.inauguratedAt
      ? step("inauguration", "done", dates(["inaugurated", facts.inauguratedAt]))
      : step(
          "inauguration",
          FINISHED.includes(facts.status) ? "skipped" : nextInauguration || facts.completedAt ? "current" : "upcoming",
          dates(["inaugurationPlanned", nextInauguration]),
        ),
    step(
      "report",
      facts.reportReceivedAt ? "done" : isReportLate(facts, now) ? "late" : facts.completedAt ? "current" : "upcoming",
      dates(["reportDue", facts.reportDueAt], ["reportReceived", facts.reportReceivedAt]),
    ),
    step(
      "closed",
      facts.closedAt ? "done" : facts.reportReceivedAt ? "current" : "upcoming",
      dates(["closed", facts.closedAt]),
    ),
  ];
  if (facts.status === "ABANDONED" || facts.abandonedAt) return abandon(steps, facts.abandonedAt);
  return steps;
}

function paymentsStep(facts: ProjectFacts, now: Date, signed: boolean): TimelineStep {
  const paymentDates = facts.payments.flatMap((p): StepDate[] => {
    const at = p.status === "SENT" ? p.sentAt : p.plannedAt;
    if (!at) return [];
    return [
      {
        kind: p.status === "SENT" ? "paymentSent" : "paymentPlanned",
        at,
        amountCents: p.amountCents,
        paymentKind: p.kind,
      },
    ];
  });
  const balancePaid = facts.payments.some((p) => p.kind === "BALANCE" && p.status === "SENT");
  const state: TimelineStepState =
    balancePaid || PAID.includes(facts.status)
      ? "done"
      : facts.payments.some((p) => isPaymentLate(p, now))
        ? "late"
        : signed
          ? "current"
          : "upcoming";
  return step("payments", state, paymentDates);
}

/** Steps not done will not happen; the last step says when the project was abandoned. */
function abandon(steps: TimelineStep[], abandonedAt: Date | null): TimelineStep[] {
  const kept = steps
    .filter((s) => s.key !== "closed")
    .map((s) => (s.state === "done" ? s : { ...s, state: "skipped" as const }));
  return [...kept, step("abandoned", "done", dates(["abandoned", abandonedAt]))];
}
