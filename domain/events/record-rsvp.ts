import type { Db } from "../../prisma/create-db.ts";
import { verifyToken } from "../links/signed-token.ts";
import type { RsvpAnswer, RsvpTokenPayload } from "./invitation-notice.ts";

export interface RsvpView {
  invitationId: number;
  answer: RsvpAnswer;
  inviteeName: string | null;
  eventTitle: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
}

export type RsvpCheck =
  | { ok: true; view: RsvpView }
  | { ok: false; reason: "malformed" | "forged" | "expired" | "unknown" };

/**
 * Reads an RSVP link: signature, expiry (the event's end), then the invitation. Used
 * by the confirmation page (GET, which records nothing: link scanners follow links).
 */
export async function readRsvpLink(db: Db, secret: string, token: string, now: Date): Promise<RsvpCheck> {
  const check = verifyToken<RsvpTokenPayload>(secret, token, now);
  if (!check.ok) return check;
  const { i, a } = check.payload;
  if (typeof i !== "number" || (a !== "ACCEPTED" && a !== "DECLINED")) return { ok: false, reason: "malformed" };
  const invitation = await db.invitation.findUnique({
    where: { id: i },
    select: { name: true, event: { select: { title: true, startsAt: true, endsAt: true, status: true } } },
  });
  if (!invitation) return { ok: false, reason: "unknown" };
  return {
    ok: true,
    view: {
      invitationId: i,
      answer: a,
      inviteeName: invitation.name,
      eventTitle: invitation.event.title,
      startsAt: invitation.event.startsAt,
      endsAt: invitation.event.endsAt,
      cancelled: invitation.event.status === "CANCELLED",
    },
  };
}

/**
 * Records the answer of a valid link (POST). A second click, on the same or the other
 * link, replaces the answer; `respondedAt` is the last answer's time, which the
 * organiser's notices use to find new answers.
 */
export async function recordRsvp(db: Db, secret: string, token: string, now: Date): Promise<RsvpCheck> {
  const read = await readRsvpLink(db, secret, token, now);
  if (!read.ok || read.view.cancelled) return read;
  await db.invitation.update({
    where: { id: read.view.invitationId },
    data: { rsvp: read.view.answer, respondedAt: now },
  });
  return read;
}
