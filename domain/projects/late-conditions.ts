import { Prisma } from "../../prisma/generated/client.ts";
import { parisDaysFrom } from "../dates/paris-time.ts";
import { AGREEMENT_SIGNATURE_DAYS } from "./project-deadlines.ts";

/**
 * The instants « en retard » is measured against, in Paris days like the project card
 * (`project-deadlines.ts`): a convention sent before `agreementSentBefore` (more than
 * 15 Paris days ago) and still unsigned, a bilan n+1 due before today (`reportDueBefore`,
 * midnight in Paris), a payment planned before `now`.
 */
export function lateThresholds(now: Date) {
  return {
    agreementSentBefore: parisDaysFrom(now, -AGREEMENT_SIGNATURE_DAYS),
    reportDueBefore: parisDaysFrom(now, 0),
    paymentPlannedBefore: now,
  };
}

/**
 * A project is late (« en retard ») on `now` when it is neither closed nor abandoned and:
 * its convention was sent more than 15 days ago and is still unsigned by the porteur
 * (status SENT); or its bilan n+1 was due before today and is not received; or a payment
 * planned before now is still PLANNED; or it is COMPLETED or INAUGURATED with its bilan
 * n+1 due date passed. A Prisma `where`, for the card, the digest and the lists.
 */
export function lateProjectWhere(now: Date): Prisma.ProjectWhereInput {
  const t = lateThresholds(now);
  return {
    status: { notIn: ["CLOSED", "ABANDONED"] },
    OR: [
      { agreements: { some: { status: "SENT", sentAt: { lt: t.agreementSentBefore } } } },
      { reportDueAt: { lt: t.reportDueBefore }, reportReceivedAt: null },
      { payments: { some: { status: "PLANNED", plannedAt: { lt: t.paymentPlannedBefore } } } },
      { status: { in: ["COMPLETED", "INAUGURATED"] }, reportDueAt: { lt: t.reportDueBefore } },
    ],
  };
}

/**
 * The same rule as `lateProjectWhere`, as an SQL condition on the project aliased `p`,
 * for the search's raw query (a test checks that both select the same projects).
 */
export function lateProjectSql(now: Date): Prisma.Sql {
  const t = lateThresholds(now);
  // One set of ids, each part read through its own index, rather than a test per project.
  return Prisma.sql`(p."status" NOT IN ('CLOSED', 'ABANDONED') AND p."id" IN (
    SELECT "projectId" FROM "Agreement" WHERE "status" = 'SENT' AND "sentAt" < ${t.agreementSentBefore}
    UNION SELECT "id" FROM "Project" WHERE "reportDueAt" < ${t.reportDueBefore} AND "reportReceivedAt" IS NULL
    UNION SELECT "projectId" FROM "Payment" WHERE "status" = 'PLANNED' AND "plannedAt" < ${t.paymentPlannedBefore}
    UNION SELECT "id" FROM "Project" WHERE "status" IN ('COMPLETED', 'INAUGURATED') AND "reportDueAt" < ${t.reportDueBefore}))`;
}
