import type { DbTx } from "../../prisma/create-db.ts";
import type { Rsvp } from "../../prisma/generated/enums.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { countRsvps, type RsvpCounts } from "./list-upcoming-events.ts";

/** The least time between two notices to an organiser about the same event. */
export const RSVP_NOTICE_EVERY_MS = 15 * 60_000;
const NOTICE_ACTION = "event.rsvp-notice";

export interface RsvpNews {
  eventId: number;
  title: string;
  organizerId: number;
  /** The answers recorded since the last notice, oldest first. */
  answers: Array<{ who: string; rsvp: Rsvp }>;
  counts: RsvpCounts;
}

/**
 * The answers that came in since the organiser was last told, per planned event, for
 * events whose last notice is at least 15 minutes old (answers are batched, not sent
 * one by one). The last notice is read from the audit log (PostgreSQL), so a Redis
 * loss never replays old answers.
 */
export async function findRsvpNews(db: DbTx, now: Date): Promise<RsvpNews[]> {
  const events = await db.event.findMany({
    where: {
      status: "PLANNED",
      organizerId: { not: null },
      endsAt: { gt: now },
      invitations: { some: { respondedAt: { not: null, lte: now } } },
    },
    select: {
      id: true,
      title: true,
      organizerId: true,
      invitations: { select: { email: true, name: true, rsvp: true, respondedAt: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  const notices = await db.auditLog.groupBy({
    by: ["entityId"],
    where: { action: NOTICE_ACTION, entity: "Event", entityId: { in: events.map((e) => String(e.id)) } },
    _max: { at: true },
  });
  const lastNotice = new Map(notices.map((n) => [n.entityId, n._max.at]));
  return events.flatMap((event) => {
    const last = lastNotice.get(String(event.id)) ?? null;
    if (last && now.getTime() - last.getTime() < RSVP_NOTICE_EVERY_MS) return [];
    const fresh = event.invitations
      .filter((i) => i.respondedAt && i.respondedAt <= now && (!last || i.respondedAt > last))
      .sort((a, b) => (a.respondedAt?.getTime() ?? 0) - (b.respondedAt?.getTime() ?? 0));
    if (fresh.length === 0 || event.organizerId === null) return [];
    return [
      {
        eventId: event.id,
        title: event.title,
        organizerId: event.organizerId,
        answers: fresh.map((i) => ({ who: i.name ?? i.email, rsvp: i.rsvp })),
        counts: countRsvps(event.invitations),
      },
    ];
  });
}

/** Remembers that the organiser was told about the answers up to `now`. */
export async function recordRsvpNotice(db: DbTx, news: RsvpNews, now: Date): Promise<void> {
  await recordAudit(db, {
    actor: { agentId: null, name: "BPC40 (tâche planifiée)" },
    action: NOTICE_ACTION,
    entity: "Event",
    entityId: news.eventId,
    before: null,
    after: { answers: news.answers.length, organizerId: news.organizerId },
    at: now,
  });
}
