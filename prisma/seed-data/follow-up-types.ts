import type { AgreementStatus, CheckOutcome, EventStatus, PaymentKind, PaymentStatus } from "../generated/enums.ts";

/** What the seed writes for one project besides the project row itself. */
export interface FollowUpSeed {
  dates: ProjectDates;
  agreements: AgreementSeed[];
  payments: PaymentSeed[];
  invoices: InvoiceSeed[];
  inaugurations: InaugurationSeed[];
}

export interface ProjectDates {
  announcedAt: Date | null;
  completedAt: Date | null;
  inauguratedAt: Date | null;
  reportDueAt: Date | null;
  reportReceivedAt: Date | null;
  closedAt: Date | null;
  abandonedAt: Date | null;
  statusReason: string | null;
}

export interface AgreementSeed {
  reference: string;
  amountCents: number;
  advanceShareBp: number;
  status: AgreementStatus;
  draftedAt: Date;
  sentAt: Date | null;
  holderSignedAt: Date | null;
  departmentSignedAt: Date | null;
  cancelledAt: Date | null;
}

export interface PaymentSeed {
  kind: PaymentKind;
  amountCents: number;
  status: PaymentStatus;
  plannedAt: Date | null;
  sentAt: Date | null;
  astreMandate: string | null;
  recordedByAad: string | null;
  agreementReference: string | null;
}

export interface CheckSeed {
  eligibleCents: number;
  outcome: CheckOutcome;
  comment: string;
  missingItems: string[];
  checkedByAad: string;
  checkedAt: Date;
}

export interface InvoiceSeed {
  supplier: string;
  supplierKey: string;
  number: string;
  issuedOn: Date;
  amountCents: number;
  receivedAt: Date;
  cancelledAt: Date | null;
  cancelReason: string | null;
  checks: CheckSeed[];
}

export interface InaugurationSeed {
  /** Appended to the event uid when a project has more than one inauguration (a cancelled one). */
  uidSuffix: string;
  startsAt: Date;
  status: EventStatus;
  sequence: number;
}
