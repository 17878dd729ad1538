import type { ProjectSeed } from "./build-projects.ts";
import { abandoned, agreementPending, agreementSigned, inProgress, winner } from "./follow-up-early.ts";
import { type FollowUpContext, FollowUpKit } from "./follow-up-kit.ts";
import { closed, completed, inaugurated, paidInFull, reportReceived } from "./follow-up-late.ts";
import type { FollowUpSeed } from "./follow-up-types.ts";

const BY_STATUS: Record<ProjectSeed["status"], (kit: FollowUpKit) => FollowUpSeed> = {
  WINNER: winner,
  AGREEMENT_PENDING: agreementPending,
  AGREEMENT_SIGNED: agreementSigned,
  IN_PROGRESS: inProgress,
  COMPLETED: completed,
  INAUGURATED: inaugurated,
  PAID_IN_FULL: paidInFull,
  REPORT_RECEIVED: reportReceived,
  CLOSED: closed,
  ABANDONED: abandoned,
};

/**
 * Conventions, payments, invoices and inaugurations consistent with the project's
 * status. Dates of what is recent or due are counted from `context.now`, so the
 * reminder scans always find work in a freshly seeded database.
 */
export function buildFollowUp(project: ProjectSeed, context: FollowUpContext): FollowUpSeed {
  return BY_STATUS[project.status](new FollowUpKit(project, context));
}
