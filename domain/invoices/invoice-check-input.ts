import type { CheckOutcome } from "../../prisma/generated/enums.ts";
import type { AuditActor } from "../audit/record-audit.ts";
import type { ProjectDetailView } from "../projects/project-detail-view.ts";

/** What an agent states about one invoice: the invoice itself and the outcome of the check. */
export interface InvoiceFacts {
  supplier: string;
  number: string;
  /** The invoice's calendar day, as midnight UTC (a `@db.Date` value, see `dateOnly`). */
  invoiceDate: Date;
  amountCents: number;
  eligibleCents: number;
  outcome: CheckOutcome;
  comment: string;
  /** What the porteur must send for an « à compléter » invoice; derived from the comment when empty. */
  missingItems?: string[] | undefined;
}

export interface RecordInvoiceCheckInput extends InvoiceFacts {
  /** The project's reference, e.g. `2022-017`. */
  reference: string;
  actor: AuditActor;
  now: Date;
}

/** What a recorded, edited or cancelled check leaves: the rows touched and the project's refreshed totals. */
export interface InvoiceCheckResult {
  invoiceId: number;
  /** The check now in force (the new one for a record or an edit, the latest one for a cancel). */
  checkId: number | null;
  /** Outbox rows written in the same transaction; hand them to the queue after commit. */
  notificationIds: number[];
  /** The project after the change, amounts included (justified, payable = `payableCents`). */
  project: ProjectDetailView;
}
