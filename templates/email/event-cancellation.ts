import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { formatEventPeriod } from "./format-event-period.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the notice that an event the recipient was invited to will not take place. */
export const EventCancellationPayloadSchema = z.object({
  inviteeName: payloadFields.line(200).optional(),
  eventTitle: payloadFields.line(200),
  startsAt: payloadFields.date(),
  endsAt: payloadFields.date(),
  place: payloadFields.line(300),
  reason: payloadFields.line(300).optional(),
});

/**
 * Tells an invitee the event is cancelled; its iCalendar part (METHOD:CANCEL, same UID)
 * removes it from their calendar. Not essential, like the invitation it withdraws.
 */
export const eventCancellation = defineEmailTemplate({
  schema: EventCancellationPayloadSchema,
  essential: false,
  build: (p) => ({
    subject: `Annulation\u00a0: ${shorten(p.eventTitle, 80)}, le ${formatDate(p.startsAt)}`,
    greeting: greeting(p.inviteeName),
    blocks: [
      paragraph(`Nous sommes au regret de vous informer que l'événement ${frenchQuote(p.eventTitle)} est annulé.`),
      facts([
        { label: "Date prévue", value: formatEventPeriod(p.startsAt, p.endsAt) },
        { label: "Lieu", value: p.place },
        { label: "Motif", value: p.reason },
      ]),
      paragraph("Veuillez nous excuser pour ce changement."),
    ],
  }),
});
