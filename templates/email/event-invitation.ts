import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import type { EventKind } from "../../prisma/generated/enums.ts";
import { action, facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { eventKindLabels } from "./event-kind-labels.ts";
import { formatEventPeriod } from "./format-event-period.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

const eventKinds = Object.keys(eventKindLabels) as [EventKind, ...EventKind[]];

/** Payload of an invitation to an inauguration, public meeting, commission session… */
export const EventInvitationPayloadSchema = z
  .object({
    inviteeName: payloadFields.line(200).optional(),
    eventTitle: payloadFields.line(200),
    eventKind: z.enum(eventKinds),
    startsAt: payloadFields.date(),
    endsAt: payloadFields.date(),
    place: payloadFields.line(300),
    projectTitle: payloadFields.line(300).optional(),
    acceptUrl: payloadFields.url().optional(),
    declineUrl: payloadFields.url().optional(),
    /** A new version of an invitation already sent (date or place changed). */
    updated: z.boolean().optional(),
  })
  .refine((p) => p.endsAt.getTime() >= p.startsAt.getTime(), {
    path: ["endsAt"],
    message: "la fin de l'événement doit suivre son début",
  });

/**
 * Invites someone (porteur, councillor, mayor, press…) to an event. Not essential: the
 * recipient may refuse such messages, so it carries the unsubscribe link.
 */
export const eventInvitation = defineEmailTemplate({
  schema: EventInvitationPayloadSchema,
  essential: false,
  build: (p, { departmentName }) => {
    const about =
      p.projectTitle === undefined
        ? "dans le cadre du Budget participatif citoyen des Landes"
        : `autour du projet ${frenchQuote(p.projectTitle)}, lauréat du Budget participatif citoyen des Landes`;
    const answers = [
      ...(p.acceptUrl === undefined ? [] : [action("Je participerai", p.acceptUrl)]),
      ...(p.declineUrl === undefined ? [] : [action("Je ne pourrai pas venir", p.declineUrl)]),
    ];
    return {
      subject: `${p.updated ? "Invitation modifiée" : "Invitation"}\u00a0: ${shorten(p.eventTitle, 80)}, le ${formatDate(p.startsAt)}`,
      greeting: greeting(p.inviteeName),
      blocks: [
        ...(p.updated
          ? [paragraph("Cette invitation remplace la précédente : la date, l'horaire ou le lieu a changé.")]
          : []),
        paragraph(
          `Le ${departmentName} a le plaisir de vous inviter à l'événement ${frenchQuote(p.eventTitle)}, ${about}.`,
        ),
        facts([
          { label: "Événement", value: p.eventKind === "OTHER" ? undefined : eventKindLabels[p.eventKind] },
          { label: "Date", value: formatEventPeriod(p.startsAt, p.endsAt) },
          { label: "Lieu", value: p.place },
          { label: "Projet", value: p.projectTitle },
        ]),
        ...(answers.length > 0
          ? [paragraph("Merci de nous faire savoir si vous pourrez venir\u00a0:"), ...answers]
          : []),
        paragraph("Nous serions heureux de vous y accueillir."),
      ],
    };
  },
});
