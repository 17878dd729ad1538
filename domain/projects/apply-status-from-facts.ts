import type { DbTx } from "../../prisma/create-db.ts";
import type { ProjectStatus } from "../../prisma/generated/enums.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { advanceStatus } from "./advance-status.ts";

/**
 * Reads a project's convention and payments inside the caller's transaction and moves
 * its status where the facts say (see `advanceStatus`), with an audit line when it
 * changes. Called by every convention and payment write, in their transaction, so the
 * status can never disagree with what was just recorded.
 */
export async function applyStatusFromFacts(
  tx: DbTx,
  projectId: number,
  actor: AuditActor,
  now: Date,
): Promise<ProjectStatus> {
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      status: true,
      agreements: {
        where: { status: { not: "CANCELLED" } },
        select: { status: true },
        orderBy: { draftedAt: "desc" },
        take: 1,
      },
      payments: { where: { status: "SENT" }, select: { kind: true } },
    },
  });
  const next = advanceStatus(project.status, {
    agreementStatus: project.agreements[0]?.status ?? null,
    sentPayments: project.payments.length,
    balanceSent: project.payments.some((p) => p.kind === "BALANCE"),
  });
  if (next === project.status) return next;
  await tx.project.update({
    where: { id: projectId },
    data: { status: next, statusReason: null },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor,
    action: "project.status-follow",
    entity: "Project",
    entityId: projectId,
    before: { status: project.status },
    after: { status: next },
    at: now,
  });
  return next;
}
