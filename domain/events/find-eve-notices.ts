import type { DbTx } from "../../prisma/create-db.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { parisDaysFrom } from "../dates/paris-time.ts";
import { countRsvps, type RsvpCounts } from "./list-upcoming-events.ts";
import { placeLabel } from "./resolve-place.ts";

const EVE_ACTION = "event.eve-notice";

/** An event happening tomorrow (Paris day), for its organiser's reminder the day before. */
export interface EveNotice {
  eventId: number;
  organizerId: number;
  title: string;
  startsAt: Date;
  place: string;
  counts: RsvpCounts;
}

/**
 * Planned events of tomorrow whose organiser has not had the day-before message yet.
 * The message is recorded as an audit row, like the answers' notices, so a retried or
 * repeated run (and a Redis loss) sends it once.
 */
export async function findEveNotices(db: DbTx, now: Date): Promise<EveNotice[]> {
  const events = await db.event.findMany({
    where: {
      status: "PLANNED",
      organizerId: { not: null },
      startsAt: { gte: parisDaysFrom(now, 1), lt: parisDaysFrom(now, 2) },
    },
    select: {
      id: true,
      organizerId: true,
      title: true,
      startsAt: true,
      address: true,
      room: { select: { name: true, site: true, address: true } },
      invitations: { select: { rsvp: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  if (events.length === 0) return [];
  const told = await db.auditLog.findMany({
    where: { action: EVE_ACTION, entity: "Event", entityId: { in: events.map((e) => String(e.id)) } },
    select: { entityId: true },
  });
  const done = new Set(told.map((t) => t.entityId));
  return events
    .filter((e) => !done.has(String(e.id)))
    .map((e) => ({
      eventId: e.id,
      organizerId: e.organizerId!,
      title: e.title,
      startsAt: e.startsAt,
      place: placeLabel(e.room, e.address),
      counts: countRsvps(e.invitations),
    }));
}

export async function recordEveNotice(db: DbTx, notice: EveNotice, now: Date): Promise<void> {
  await recordAudit(db, {
    actor: { agentId: null, name: "BPC40 (tâche planifiée)" },
    action: EVE_ACTION,
    entity: "Event",
    entityId: notice.eventId,
    before: null,
    after: { organizerId: notice.organizerId },
    at: now,
  });
}
