import type { AgreementStatus, ProjectStatus } from "../../prisma/generated/enums.ts";

/** The facts the lifecycle status follows. */
export interface StatusFacts {
  /** The current (not cancelled) convention's status, null when none. */
  agreementStatus: AgreementStatus | null;
  /** Payments actually sent (acompte or solde). */
  sentPayments: number;
  /** Whether the balance (solde) has been sent. */
  balanceSent: boolean;
}

/** Statuses only an agent reaches (realisation, inauguration, bilan, closing, abandon): facts never undo them. */
const SET_BY_HAND: ReadonlySet<ProjectStatus> = new Set([
  "COMPLETED",
  "INAUGURATED",
  "REPORT_RECEIVED",
  "CLOSED",
  "ABANDONED",
]);
/** Terminal: facts never move a project out of them, even forward. */
const TERMINAL: ReadonlySet<ProjectStatus> = new Set(["CLOSED", "ABANDONED"]);

const order: ProjectStatus[] = [
  "WINNER",
  "AGREEMENT_PENDING",
  "AGREEMENT_SIGNED",
  "IN_PROGRESS",
  "COMPLETED",
  "INAUGURATED",
  "PAID_IN_FULL",
  "REPORT_RECEIVED",
  "CLOSED",
  "ABANDONED",
];

/** What the facts alone say: solde sent → soldé, a payment → en réalisation, and so on. */
export function statusFromFacts(facts: StatusFacts): ProjectStatus {
  if (facts.balanceSent) return "PAID_IN_FULL";
  if (facts.sentPayments > 0) return "IN_PROGRESS";
  if (facts.agreementStatus === "SIGNED") return "AGREEMENT_SIGNED";
  if (facts.agreementStatus === "SENT" || facts.agreementStatus === "SIGNED_BY_HOLDER") return "AGREEMENT_PENDING";
  return "WINNER";
}

/**
 * The lifecycle status a project should have after a convention or payment change,
 * so agents never have to keep it in step by hand. Below « réalisé » the facts decide
 * (a cancelled convention brings a project back to « lauréat »). Once an agent has set
 * réalisé, inauguré, bilan reçu, clos or abandonné, facts may only move it forward
 * (réalisé → soldé when the balance goes), never back; clos and abandonné stay put.
 */
export function advanceStatus(current: ProjectStatus, facts: StatusFacts): ProjectStatus {
  const derived = statusFromFacts(facts);
  if (TERMINAL.has(current)) return current;
  if (SET_BY_HAND.has(current)) return order.indexOf(derived) > order.indexOf(current) ? derived : current;
  return derived;
}
