import { recordAudit } from "../audit/record-audit.ts";
import { parisDay, parisTime } from "../dates/paris-time.ts";
import { closedEventProblem } from "./change-event.ts";
import { loadEventForNotice } from "./load-event-for-notice.ts";
import type { EventDeps } from "./schedule-event.ts";

export type HeldResult =
  | { ok: true; title: string; projectReference: string | null; reportDueAt: Date | null }
  | { ok: false; problems: string[] };

/** The bilan n+1 due date: the same Paris calendar day one year after the inauguration, at midnight Paris. */
export function reportDueAfter(heldAt: Date): Date {
  const { year, month, day } = parisDay(heldAt);
  return parisTime(year + 1, month, day);
}

/**
 * Records that an event took place. For an inauguration, its project becomes
 * INAUGURATED (inauguratedAt = the event's start) and the bilan n+1 clock starts
 * (reportDueAt = that Paris day one year later), which the report reminders follow.
 */
export async function markEventHeld(deps: EventDeps, eventId: number): Promise<HeldResult> {
  const { db, now } = deps;
  return db.$transaction(async (tx) => {
    const event = await loadEventForNotice(tx, eventId);
    const closed = closedEventProblem(event, eventId);
    if (closed || !event) return { ok: false as const, problems: [closed ?? ""] };
    if (event.startsAt.getTime() > now.getTime()) {
      return { ok: false as const, problems: [`L'événement n° ${eventId} n'a pas encore commencé.`] };
    }
    await tx.event.update({ where: { id: eventId }, data: { status: "HELD" } });
    let reportDueAt: Date | null = null;
    if (event.kind === "INAUGURATION" && event.projectId !== null) {
      reportDueAt = reportDueAfter(event.startsAt);
      const before = await tx.project.findUniqueOrThrow({
        where: { id: event.projectId },
        select: { status: true, inauguratedAt: true, reportDueAt: true },
      });
      const after = { status: "INAUGURATED" as const, inauguratedAt: event.startsAt, reportDueAt };
      await tx.project.update({ where: { id: event.projectId }, data: after });
      await recordAudit(tx, {
        actor: deps.actor,
        action: "project.inaugurate",
        entity: "Project",
        entityId: event.projectId,
        before,
        after,
        at: now,
      });
    }
    await recordAudit(tx, {
      actor: deps.actor,
      action: "event.held",
      entity: "Event",
      entityId: eventId,
      before: { status: event.status },
      after: { status: "HELD" },
      at: now,
    });
    return { ok: true as const, title: event.title, projectReference: event.projectReference, reportDueAt };
  });
}
