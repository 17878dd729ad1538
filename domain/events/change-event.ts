import type { AuditActor } from "../audit/record-audit.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { formatDateTime } from "../dates/format-date.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import { checkEventPlan } from "./check-event-plan.ts";
import { invitationNotice } from "./invitation-notice.ts";
import { type LoadedEvent, loadEventForNotice } from "./load-event-for-notice.ts";
import { loadRoomBookings } from "./load-room-bookings.ts";
import { resolvePlace } from "./resolve-place.ts";
import type { EventDeps } from "./schedule-event.ts";

export interface EventChange {
  startsAt: Date;
  endsAt: Date;
  /** A new place (room name or address); the current one when absent. */
  place?: string;
}

export type ChangeResult =
  | { ok: true; event: LoadedEvent; notificationIds: number[] }
  | { ok: false; problems: string[] };

/** Why a planned event cannot be changed any more, or null. */
export function closedEventProblem(event: Pick<LoadedEvent, "id" | "status"> | null, id: number): string | null {
  if (!event) return `Je ne trouve aucun événement n° ${id}. Tapez **événements** pour la liste.`;
  if (event.status === "CANCELLED") return `L'événement n° ${id} est annulé.`;
  if (event.status === "HELD") return `L'événement n° ${id} a déjà eu lieu.`;
  return null;
}

/**
 * Moves a planned event (date, times, place): the same checks as when scheduling, then
 * SEQUENCE + 1 and an updated invite (same UID) to every invitee, with idempotency
 * keys of the new sequence.
 */
export async function changeEvent(deps: EventDeps, eventId: number, change: EventChange): Promise<ChangeResult> {
  const { db, config, now } = deps;
  const rooms = await db.room.findMany({ orderBy: { id: "asc" } });
  const place = change.place ? resolvePlace(change.place, rooms) : null;
  if (place && !place.ok) return { ok: false, problems: [place.problem] };
  return db.$transaction(async (tx) => {
    const before = await loadEventForNotice(tx, eventId);
    const closed = closedEventProblem(before, eventId);
    if (closed || !before) return { ok: false as const, problems: [closed ?? ""] };
    const roomId = place ? (place.room?.id ?? null) : before.roomId;
    const address = place ? place.address : undefined;
    const room = roomId === null ? null : (rooms.find((r) => r.id === roomId) ?? null);
    const bookings = room ? await loadRoomBookings(tx, room.id, change.startsAt, change.endsAt, eventId) : [];
    const problems = checkEventPlan(
      { ...change, room, inviteeCount: before.invitations.length, bookings, badEmails: [] },
      now,
    );
    if (problems.length > 0) return { ok: false as const, problems };
    await tx.event.update({
      where: { id: eventId },
      data: {
        startsAt: change.startsAt,
        endsAt: change.endsAt,
        roomId,
        ...(address === undefined ? {} : { address }),
        sequence: { increment: 1 },
      },
    });
    const event = await loadEventForNotice(tx, eventId);
    if (!event) throw new Error("événement disparu pendant sa modification");
    const notificationIds: number[] = [];
    for (const invitation of event.invitations) {
      const id = await recordNotification(tx, invitationNotice(config, event, invitation, "REQUEST", now));
      if (id !== null) notificationIds.push(id);
    }
    await recordAudit(tx, auditOf(deps.actor, "event.change", before, event, now));
    return { ok: true as const, event, notificationIds };
  });
}

/** Cancels a planned event: status CANCELLED, SEQUENCE + 1, METHOD:CANCEL (same UID) to every invitee. */
export async function cancelEvent(deps: EventDeps, eventId: number, reason: string): Promise<ChangeResult> {
  const { db, config, now } = deps;
  return db.$transaction(async (tx) => {
    const before = await loadEventForNotice(tx, eventId);
    const closed = closedEventProblem(before, eventId);
    if (closed || !before) return { ok: false as const, problems: [closed ?? ""] };
    await tx.event.update({ where: { id: eventId }, data: { status: "CANCELLED", sequence: { increment: 1 } } });
    const event = await loadEventForNotice(tx, eventId);
    if (!event) throw new Error("événement disparu pendant son annulation");
    const notificationIds: number[] = [];
    for (const invitation of event.invitations) {
      const notice = invitationNotice(
        config,
        event,
        invitation,
        "CANCEL",
        now,
        reason.trim().slice(0, 300) || undefined,
      );
      const id = await recordNotification(tx, notice);
      if (id !== null) notificationIds.push(id);
    }
    await recordAudit(tx, {
      ...auditOf(deps.actor, "event.cancel", before, event, now),
      after: { status: "CANCELLED", reason },
    });
    return { ok: true as const, event, notificationIds };
  });
}

function auditOf(actor: AuditActor, action: string, before: LoadedEvent, after: LoadedEvent, at: Date) {
  const view = (e: LoadedEvent) => ({ sequence: e.sequence, startsAt: e.startsAt, endsAt: e.endsAt, place: e.place });
  return { actor, action, entity: "Event", entityId: before.id, before: view(before), after: view(after), at };
}

/** `samedi 15 juin 2027 à 18 h 00` for the agents' confirmations. */
export const describeStart = (event: Pick<LoadedEvent, "startsAt">): string => formatDateTime(event.startsAt);
