import * as z from "zod";
import { formatDateTime } from "../../domain/dates/format-date.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { formatDays } from "./format-days.ts";
import { formatTime } from "./format-time.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the reminder sent before an event (7 days and 1 day before, by default). */
export const EventReminderPayloadSchema = z.object({
  inviteeName: payloadFields.line(200).optional(),
  eventTitle: payloadFields.line(200),
  startsAt: payloadFields.date(),
  place: payloadFields.line(300),
  /** Days left, computed in Europe/Paris by the reminder scan from its `now`. */
  daysBefore: payloadFields.count(0, 365),
});

/** `aujourd'hui à 18 h 00`, `demain à 18 h 00`, `dans 7 jours, mardi 3 juin 2025 à 18 h 00`. */
function when(daysBefore: number, startsAt: Date): string {
  if (daysBefore === 0) return `aujourd'hui à ${formatTime(startsAt)}`;
  if (daysBefore === 1) return `demain à ${formatTime(startsAt)}`;
  return `dans ${formatDays(daysBefore)}, le ${formatDateTime(startsAt)}`;
}

/** Reminds an invitee of an event. Not essential: carries the unsubscribe link. */
export const eventReminder = defineEmailTemplate({
  schema: EventReminderPayloadSchema,
  essential: false,
  build: (p) => ({
    subject: `Rappel\u00a0: ${shorten(p.eventTitle, 80)}, ${when(p.daysBefore, p.startsAt)}`,
    greeting: greeting(p.inviteeName),
    blocks: [
      paragraph(
        `Nous vous rappelons que l'événement ${frenchQuote(p.eventTitle)} aura lieu ${when(p.daysBefore, p.startsAt)}.`,
      ),
      facts([
        { label: "Date", value: formatDateTime(p.startsAt) },
        { label: "Lieu", value: p.place },
      ]),
      paragraph(
        "Si vous ne pouvez finalement pas venir, merci de nous prévenir. Nous nous réjouissons de vous y retrouver.",
      ),
    ],
  }),
});
