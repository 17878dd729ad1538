import type { HolderKind, PaymentKind, ProjectStatus } from "../../prisma/generated/enums.ts";

/** The steps of a winning project's life, in order (DOMAIN.md, "The life of a winning project"). */
export type TimelineStepKey =
  | "winner"
  | "agreement"
  | "payments"
  | "works"
  | "inauguration"
  | "report"
  | "closed"
  | "abandoned";

/**
 * `done`: behind us; `current`: what the project is at now (several steps can run at
 * once, e.g. payments and inauguration); `late`: current and overdue; `upcoming`: not
 * started; `skipped`: will not happen (after an abandonment, an inauguration never held).
 */
export type TimelineStepState = "done" | "current" | "upcoming" | "late" | "skipped";

/** Which fact a date on the timeline stands for; the card words it in French. */
export type StepDateKind =
  | "announced"
  | "agreementDrafted"
  | "agreementSent"
  | "holderSigned"
  | "departmentSigned"
  | "paymentSent"
  | "paymentPlanned"
  | "completed"
  | "inaugurated"
  | "inaugurationPlanned"
  | "reportDue"
  | "reportReceived"
  | "closed"
  | "abandoned";

export interface StepDate {
  kind: StepDateKind;
  at: Date;
  /** For payments: the amount and whether it is the advance or the balance. */
  amountCents?: number;
  paymentKind?: PaymentKind;
}

export interface TimelineStep {
  key: TimelineStepKey;
  state: TimelineStepState;
  dates: StepDate[];
}

/** Something the project waits for, with the date it is due; `late` once that date has passed. */
export interface Deadline {
  kind: "agreementSignature" | "payment" | "inauguration" | "report";
  at: Date;
  late: boolean;
  amountCents?: number;
  paymentKind?: PaymentKind;
}

export interface ProjectAmounts {
  awardedCents: number;
  /** The current (non-cancelled) convention's amount; null before any convention. */
  agreementCents: number | null;
  /** Payments sent. */
  paidCents: number;
  /** Eligible amount of the non-cancelled invoices whose latest check is conforme. */
  justifiedCents: number;
  /** `payableCents`: what can still be paid on what is justified. */
  payableCents: number;
}

/** Everything an agent needs on one card: who, where, where it stands, money, what is due or late. */
export interface ProjectDetailView {
  reference: string;
  title: string;
  editionYear: number;
  theme: string | null;
  status: ProjectStatus;
  /** Why it was abandoned (or another status note). */
  statusReason: string | null;
  isYouth: boolean;
  commune: string | null;
  canton: string;
  holder: { name: string; kind: HolderKind; contactName: string | null; email: string; phone: string | null };
  followedBy: { name: string; email: string | null } | null;
  timeline: TimelineStep[];
  amounts: ProjectAmounts;
  /** Open deadlines, soonest (or most overdue) first. */
  deadlines: Deadline[];
  /** True when at least one deadline is late. */
  isLate: boolean;
}
