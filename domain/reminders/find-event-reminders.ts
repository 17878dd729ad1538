import type { DbTx } from "../../prisma/create-db.ts";
import { parisDaysBetween, parisDaysFrom } from "../dates/paris-time.ts";
import type { DueReminder } from "./due-reminder.ts";
import type { ReminderSettings } from "./reminder-settings.ts";

/** Invitees of a planned event, N days before it (not those who declined). */
export async function findEventReminders(db: DbTx, now: Date, settings: ReminderSettings): Promise<DueReminder[]> {
  const furthest = settings.eventDays[0];
  if (furthest === undefined) return [];
  const events = await db.event.findMany({
    where: { status: "PLANNED", startsAt: { gt: now, lt: parisDaysFrom(now, furthest + 1) } },
    select: {
      id: true,
      uid: true,
      title: true,
      startsAt: true,
      address: true,
      projectId: true,
      room: { select: { name: true, site: true, address: true } },
      invitations: { where: { rsvp: { not: "DECLINED" } }, select: { email: true, name: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  return events.flatMap((event) => {
    const daysBefore = parisDaysBetween(now, event.startsAt);
    if (!settings.eventDays.includes(daysBefore)) return [];
    const place = event.room ? `${event.room.name}, ${event.room.site}, ${event.room.address}` : (event.address ?? "");
    return event.invitations.map((invitation) => ({
      kind: "event" as const,
      idempotencyKey: `event-reminder:${event.uid}:${invitation.email.toLowerCase()}:${daysBefore}`,
      template: "event-reminder" as const,
      recipientEmail: invitation.email,
      recipientName: invitation.name,
      payload: {
        ...(invitation.name ? { inviteeName: invitation.name } : {}),
        eventTitle: event.title,
        startsAt: event.startsAt.toISOString(),
        place: place || "lieu à préciser",
        daysBefore,
      },
      projectId: event.projectId,
      label: `${event.title} · rappel J-${daysBefore} à ${invitation.name ?? invitation.email}`,
    }));
  });
}
