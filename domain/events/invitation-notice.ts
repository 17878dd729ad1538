import type { Config } from "../config/load-config.ts";
import { signToken } from "../links/signed-token.ts";
import type { NotificationRequest } from "../notifications/record-notification.ts";
import type { EventIcsBlock } from "./event-ics-block.ts";

/** The event as its notices describe it. */
export interface EventForNotice {
  id: number;
  uid: string;
  kind: "INAUGURATION" | "PUBLIC_MEETING" | "CITIZENS_COMMISSION" | "VOTE_COUNT" | "WORKSHOP" | "STAND" | "OTHER";
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  place: string;
  projectId: number | null;
  projectTitle: string | null;
}

export interface InvitationForNotice {
  id: number;
  email: string;
  name: string | null;
}

/** The RSVP answers a link can carry. */
export type RsvpAnswer = "ACCEPTED" | "DECLINED";

/** The signed payload of an RSVP link: invitation id, answer, expiry at the event's end. */
export interface RsvpTokenPayload extends Record<string, unknown> {
  i: number;
  a: RsvpAnswer;
  exp: number;
}

/** `Name <address>` → its parts (the ORGANIZER of the invites is the sender address). */
export function parseMailbox(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match
    ? { name: match[1] || match[2] || "", email: match[2] ?? "" }
    : { name: from.trim(), email: from.trim() };
}

/** An accept or decline link, signed and expiring when the event ends. */
export function rsvpUrl(config: Config, invitationId: number, answer: RsvpAnswer, endsAt: Date): string {
  const payload: RsvpTokenPayload = { i: invitationId, a: answer, exp: Math.floor(endsAt.getTime() / 1000) };
  const base = (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
  return `${base}/rsvp?token=${signToken(config.BPC40_SECRET, payload)}`;
}

/**
 * The outbox row inviting one person (METHOD:REQUEST), or telling them of the
 * cancellation (METHOD:CANCEL). The idempotency key carries the SEQUENCE: each change
 * sends again, a retried command does not.
 */
export function invitationNotice(
  config: Config,
  event: EventForNotice,
  invitation: InvitationForNotice,
  method: "REQUEST" | "CANCEL",
  stamp: Date,
  reason?: string,
): NotificationRequest {
  const ics: EventIcsBlock = {
    uid: event.uid,
    sequence: event.sequence,
    method,
    organizer: parseMailbox(config.SMTP_FROM),
    attendee: { ...(invitation.name ? { name: invitation.name } : {}), email: invitation.email },
    start: event.startsAt.toISOString(),
    end: event.endsAt.toISOString(),
    stamp: stamp.toISOString(),
    summary: event.title,
    location: event.place,
    description: event.description,
  };
  const common = {
    ...(invitation.name ? { inviteeName: invitation.name } : {}),
    eventTitle: event.title,
    eventKind: event.kind,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    place: event.place,
    ...(event.projectTitle ? { projectTitle: event.projectTitle } : {}),
    ics,
  };
  const email = invitation.email.toLowerCase();
  if (method === "CANCEL") {
    return {
      template: "event-cancellation",
      recipientEmail: invitation.email,
      recipientName: invitation.name,
      payload: { ...common, ...(reason ? { reason } : {}) },
      idempotencyKey: `event-cancel:${event.uid}:${event.sequence}:${email}`,
      projectId: event.projectId,
    };
  }
  return {
    template: "event-invitation",
    recipientEmail: invitation.email,
    recipientName: invitation.name,
    payload: {
      ...common,
      ...(event.sequence > 0 ? { updated: true } : {}),
      acceptUrl: rsvpUrl(config, invitation.id, "ACCEPTED", event.endsAt),
      declineUrl: rsvpUrl(config, invitation.id, "DECLINED", event.endsAt),
    },
    idempotencyKey: `event-invitation:${event.uid}:${event.sequence}:${email}`,
    projectId: event.projectId,
  };
}
