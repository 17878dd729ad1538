import type { AgreementStatus, PaymentKind, PaymentStatus, ProjectStatus } from "../../prisma/generated/enums.ts";

/**
 * The dated facts of one project, as read from PostgreSQL: the input of the pure
 * timeline and deadline rules, so they can be tested without a database.
 */
export interface ProjectFacts {
  status: ProjectStatus;
  announcedAt: Date | null;
  completedAt: Date | null;
  inauguratedAt: Date | null;
  reportDueAt: Date | null;
  reportReceivedAt: Date | null;
  closedAt: Date | null;
  abandonedAt: Date | null;
  /** The current convention: the latest one not cancelled. */
  agreement: {
    status: AgreementStatus;
    amountCents: number;
    draftedAt: Date;
    sentAt: Date | null;
    holderSignedAt: Date | null;
    departmentSignedAt: Date | null;
  } | null;
  /** Payments not cancelled, oldest first. */
  payments: {
    kind: PaymentKind;
    status: PaymentStatus;
    amountCents: number;
    plannedAt: Date | null;
    sentAt: Date | null;
  }[];
  /** Start of the inauguration events still planned (not held, not cancelled), soonest first. */
  plannedInaugurations: Date[];
}
