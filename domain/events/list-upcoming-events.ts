import type { DbTx } from "../../prisma/create-db.ts";
import type { EventKind, InviteeGroup, Rsvp } from "../../prisma/generated/enums.ts";
import { placeLabel } from "./resolve-place.ts";

export interface RsvpCounts {
  accepted: number;
  declined: number;
  pending: number;
}

export interface EventOverview {
  id: number;
  kind: EventKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: "PLANNED" | "HELD" | "CANCELLED";
  place: string;
  projectReference: string | null;
  counts: RsvpCounts;
  invitees: Array<{ email: string; name: string | null; group: InviteeGroup; rsvp: Rsvp }>;
}

const select = {
  id: true,
  kind: true,
  title: true,
  startsAt: true,
  endsAt: true,
  status: true,
  address: true,
  room: { select: { name: true, site: true, address: true } },
  project: { select: { reference: true } },
  invitations: { select: { email: true, name: true, group: true, rsvp: true }, orderBy: { id: "asc" as const } },
} as const;

type Row = {
  id: number;
  kind: EventKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: "PLANNED" | "HELD" | "CANCELLED";
  address: string | null;
  room: { name: string; site: string; address: string } | null;
  project: { reference: string } | null;
  invitations: EventOverview["invitees"];
};

/** Tallies the answers: TENTATIVE counts as pending (no firm answer yet). */
export function countRsvps(invitees: ReadonlyArray<{ rsvp: Rsvp }>): RsvpCounts {
  const accepted = invitees.filter((i) => i.rsvp === "ACCEPTED").length;
  const declined = invitees.filter((i) => i.rsvp === "DECLINED").length;
  return { accepted, declined, pending: invitees.length - accepted - declined };
}

function toOverview(row: Row): EventOverview {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    place: placeLabel(row.room, row.address),
    projectReference: row.project?.reference ?? null,
    counts: countRsvps(row.invitations),
    invitees: row.invitations,
  };
}

/** Planned events not yet over, soonest first. */
export async function listUpcomingEvents(db: DbTx, now: Date, limit = 20): Promise<EventOverview[]> {
  const rows = await db.event.findMany({
    where: { status: "PLANNED", endsAt: { gt: now } },
    select,
    orderBy: { startsAt: "asc" },
    take: limit,
  });
  return rows.map(toOverview);
}

/** One event with its invitees and their answers; null when unknown. */
export async function getEventOverview(db: DbTx, eventId: number): Promise<EventOverview | null> {
  const row = await db.event.findUnique({ where: { id: eventId }, select });
  return row ? toOverview(row) : null;
}
