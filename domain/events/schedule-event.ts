import { randomUUID } from "node:crypto";
import * as z from "zod";
import type { Db } from "../../prisma/create-db.ts";
import type { EventKind, InviteeGroup } from "../../prisma/generated/enums.ts";
import { eventKindLabels } from "../../templates/email/event-kind-labels.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import type { Config } from "../config/load-config.ts";
import { DomainError } from "../errors/domain-error.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import { checkEventPlan } from "./check-event-plan.ts";
import { dedupeInvitees, defaultInvitees, type Invitee, serviceInvitees } from "./default-invitees.ts";
import { invitationNotice, parseMailbox } from "./invitation-notice.ts";
import { loadEventForNotice } from "./load-event-for-notice.ts";
import { loadRoomBookings } from "./load-room-bookings.ts";
import { placeLabel, resolvePlace } from "./resolve-place.ts";

export interface EventDraft {
  kind: EventKind;
  /** The project the event is about (required for an inauguration). */
  projectReference: string | null;
  /** Defaults to « Inauguration : <project title> ». */
  title?: string;
  description?: string;
  startsAt: Date;
  endsAt: Date;
  /** A room of the catalogue by id (the form), or else `place`: a room name or an address. */
  roomId?: number | null;
  place?: string;
  /** The default groups to invite; all of them when absent. */
  groups?: readonly InviteeGroup[];
  /** More addresses typed by the agent (checked one by one). */
  extraEmails?: readonly string[];
}

export interface ScheduledEvent {
  id: number;
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  invited: number;
}

export type ScheduleResult =
  | { ok: true; event: ScheduledEvent; notificationIds: number[] }
  | { ok: false; problems: string[] };

export interface EventDeps {
  db: Db;
  config: Config;
  now: Date;
  actor: AuditActor;
}

const emailSchema = z.email();

/**
 * Creates an event and invites its guests, in one transaction with their outbox rows
 * (each invite carries its iCalendar block). Refuses, with every French reason at
 * once, a past date, an end before the start, a room already booked at an overlapping
 * time or too small for the guests, malformed addresses. The caller hands the returned
 * notification ids to the e-mail queue.
 */
export async function scheduleEvent(deps: EventDeps, draft: EventDraft): Promise<ScheduleResult> {
  const { db, config, now } = deps;
  const project = draft.projectReference
    ? await db.project.findUnique({
        where: { reference: draft.projectReference },
        select: { id: true, title: true, reference: true },
      })
    : null;
  if (draft.projectReference && !project)
    throw new DomainError("PROJECT_NOT_FOUND", { reference: draft.projectReference });
  if (draft.kind === "INAUGURATION" && !project)
    return { ok: false, problems: ["Une inauguration se rattache à un projet : indiquez sa référence."] };

  const rooms = await db.room.findMany({ orderBy: { id: "asc" } });
  const place =
    draft.roomId != null
      ? (() => {
          const room = rooms.find((r) => r.id === draft.roomId);
          return room
            ? ({ ok: true, room, address: null } as const)
            : ({ ok: false, problem: "Cette salle n'existe plus." } as const);
        })()
      : resolvePlace(draft.place ?? "", rooms);
  if (!place.ok) return { ok: false, problems: [place.problem] };

  const extra = (draft.extraEmails ?? []).map((e) => e.trim()).filter((e) => e.length > 0);
  const badEmails = extra.filter((e) => !emailSchema.safeParse(e).success);
  const defaults = project ? await defaultInvitees(db, project.id, config) : serviceInvitees(config);
  const chosen = draft.groups ? defaults.filter((i) => draft.groups?.includes(i.group)) : defaults;
  const invitees = dedupeInvitees([
    ...chosen,
    ...extra.filter((e) => !badEmails.includes(e)).map((email): Invitee => ({ email, name: null, group: "OTHER" })),
  ]);
  if (invitees.length === 0 && badEmails.length === 0) {
    return { ok: false, problems: ["Aucun invité : choisissez au moins un groupe ou ajoutez une adresse."] };
  }

  return db.$transaction(async (tx) => {
    const bookings = place.room ? await loadRoomBookings(tx, place.room.id, draft.startsAt, draft.endsAt) : [];
    const problems = checkEventPlan(
      {
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        room: place.room,
        inviteeCount: invitees.length,
        bookings,
        badEmails,
      },
      now,
    );
    if (problems.length > 0) return { ok: false as const, problems };

    const domain = parseMailbox(config.SMTP_FROM).email.split("@")[1] ?? "bpc40.local";
    const created = await tx.event.create({
      data: {
        uid: `bpc40-event-${randomUUID()}@${domain}`,
        kind: draft.kind,
        projectId: project?.id ?? null,
        title: (
          draft.title?.trim() ||
          (project
            ? `${eventKindLabels[draft.kind]} : ${project.title}`
            : `${eventKindLabels[draft.kind]} du Budget participatif`)
        ).slice(0, 200),
        description: draft.description?.trim() ?? "",
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        roomId: place.room?.id ?? null,
        address: place.address,
        organizerId: deps.actor.agentId,
        invitations: { create: invitees.map((i) => ({ email: i.email, name: i.name, group: i.group })) },
      },
      select: { id: true },
    });
    const event = await loadEventForNotice(tx, created.id);
    if (!event) throw new Error("événement introuvable juste après sa création");
    const notificationIds: number[] = [];
    for (const invitation of event.invitations) {
      const id = await recordNotification(tx, invitationNotice(config, event, invitation, "REQUEST", now));
      if (id !== null) notificationIds.push(id);
    }
    await recordAudit(tx, {
      actor: deps.actor,
      action: "event.schedule",
      entity: "Event",
      entityId: event.id,
      before: null,
      after: {
        uid: event.uid,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        place: event.place,
        invited: invitees.length,
      },
      at: now,
    });
    return {
      ok: true as const,
      notificationIds,
      event: {
        id: event.id,
        uid: event.uid,
        title: event.title,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        place: placeLabel(place.room, place.address),
        invited: event.invitations.length,
      },
    };
  });
}
