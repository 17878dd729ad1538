import type { Db } from "../../prisma/create-db.ts";
import type { IdeaStatus } from "../../prisma/generated/enums.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import { ideaStatusLabels, REASON_REQUIRED } from "./idea-status-labels.ts";

export interface DecideIdeaInput {
  reference: string;
  status: IdeaStatus;
  /** Required for « à ajuster » and « non recevable »: the porteur reads it. */
  reason?: string | null;
  actor: AuditActor;
  now: Date;
}

export interface DecideIdeaResult {
  /** The outbox rows to hand to the queue (none when the idea goes back to « à analyser »). */
  notificationIds: number[];
}

/**
 * Records the agent's decision on an idea, in ONE transaction: the idea's status and
 * reason, the e-mail telling the porteur (essential, `idea-decision`), and the audit line.
 * Putting an idea back « à analyser » clears the decision and sends nothing. Throws
 * `IDEA_NOT_FOUND`, `IDEA_REASON_REQUIRED`.
 */
export async function decideIdea(db: Db, input: DecideIdeaInput): Promise<DecideIdeaResult> {
  const reason = input.reason?.trim() || null;
  if (REASON_REQUIRED.includes(input.status) && !reason) {
    throw new DomainError("IDEA_REASON_REQUIRED", { status: ideaStatusLabels[input.status] });
  }
  return db.$transaction(async (tx) => {
    const idea = await tx.idea.findUnique({
      where: { reference: input.reference },
      select: {
        id: true,
        reference: true,
        title: true,
        holderName: true,
        contactEmail: true,
        status: true,
        decisionReason: true,
        decidedAt: true,
        edition: { select: { year: true } },
      },
    });
    if (!idea) throw new DomainError("IDEA_NOT_FOUND", { reference: input.reference });
    const decided = input.status !== "TO_ANALYSE";
    const after = {
      status: input.status,
      decisionReason: reason,
      decidedAt: decided ? input.now : null,
      decidedById: decided ? input.actor.agentId : null,
    };
    await tx.idea.update({ where: { id: idea.id }, data: after, select: { id: true } });
    const notificationIds: number[] = [];
    if (input.status !== "TO_ANALYSE") {
      const id = await recordNotification(tx, {
        template: "idea-decision",
        recipientEmail: idea.contactEmail,
        recipientName: idea.holderName,
        payload: {
          holderName: idea.holderName,
          ideaReference: idea.reference,
          ideaTitle: idea.title,
          editionYear: idea.edition.year,
          decision: input.status,
          ...(reason ? { reason } : {}),
          decidedAt: input.now.toISOString(),
        },
        idempotencyKey: `idea-decision:${idea.reference}:${input.status}:${input.now.toISOString()}`,
      });
      if (id !== null) notificationIds.push(id);
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: "idea.decide",
      entity: "Idea",
      entityId: idea.id,
      before: { status: idea.status, decisionReason: idea.decisionReason, decidedAt: idea.decidedAt },
      after,
      at: input.now,
    });
    return { notificationIds };
  });
}
