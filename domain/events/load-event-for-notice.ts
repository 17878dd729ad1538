import type { DbTx } from "../../prisma/create-db.ts";
import type { EventStatus } from "../../prisma/generated/enums.ts";
import type { EventForNotice, InvitationForNotice } from "./invitation-notice.ts";
import { placeLabel } from "./resolve-place.ts";

export interface LoadedEvent extends EventForNotice {
  status: EventStatus;
  roomId: number | null;
  projectReference: string | null;
  invitations: InvitationForNotice[];
}

/** An event with what its notices need (place label, project title, invitees); null when unknown. */
export async function loadEventForNotice(db: DbTx, eventId: number): Promise<LoadedEvent | null> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      uid: true,
      kind: true,
      title: true,
      description: true,
      startsAt: true,
      endsAt: true,
      sequence: true,
      status: true,
      roomId: true,
      address: true,
      projectId: true,
      project: { select: { title: true, reference: true } },
      room: { select: { name: true, site: true, address: true } },
      invitations: { select: { id: true, email: true, name: true }, orderBy: { id: "asc" } },
    },
  });
  if (!event) return null;
  return {
    id: event.id,
    uid: event.uid,
    kind: event.kind,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    sequence: event.sequence,
    status: event.status,
    roomId: event.roomId,
    place: placeLabel(event.room, event.address),
    projectId: event.projectId,
    projectTitle: event.project?.title ?? null,
    projectReference: event.project?.reference ?? null,
    invitations: event.invitations,
  };
}
