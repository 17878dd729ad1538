import { formatShortDate } from "../../domain/dates/format-date.ts";
import type { EventOverview } from "../../domain/events/list-upcoming-events.ts";
import type { InviteeGroup, Rsvp } from "../../prisma/generated/enums.ts";
import { formatEventPeriod } from "../../templates/email/format-event-period.ts";
import { CardVerbs } from "./card-verbs.ts";

/** How the agents name each invitee group. */
export const inviteeGroupLabels: Record<InviteeGroup, string> = {
  HOLDER: "Porteur",
  COUNCILLOR: "Conseiller départemental",
  MAYOR: "Maire",
  CABINET: "Cabinet",
  COMMUNICATION: "Communication",
  SECRETARIAT: "Secrétariat des élus",
  PRESS: "Presse",
  OTHER: "Autre",
};

export const rsvpLabels: Record<Rsvp, string> = {
  NEEDS_ACTION: "⏳ sans réponse",
  ACCEPTED: "✅ vient",
  DECLINED: "❌ ne vient pas",
  TENTATIVE: "❔ peut-être",
};

const statusLabels = { PLANNED: "prévu", HELD: "tenu", CANCELLED: "annulé" } as const;

/** `12 invités : 5 viennent, 2 ne viennent pas, 5 sans réponse`. */
export function describeCounts(event: Pick<EventOverview, "counts" | "invitees">): string {
  const { accepted, declined, pending } = event.counts;
  return `${event.invitees.length} invités : ${accepted} ${accepted > 1 ? "viennent" : "vient"}, ${declined} ${declined > 1 ? "ne viennent pas" : "ne vient pas"}, ${pending} sans réponse`;
}

/**
 * An event's follow-up card: when and where, the invitees with their answers, the
 * counts; « Actualiser » reads it again, « Marquer comme tenu » closes an inauguration.
 */
export function buildEventCard(event: EventOverview, handledVerbs: readonly string[]): Record<string, unknown> {
  const actions = [
    { verb: CardVerbs.eventRefresh, title: "Actualiser", show: true },
    { verb: CardVerbs.eventHeld, title: "Marquer comme tenu", show: event.status === "PLANNED" },
  ]
    .filter((a) => a.show && handledVerbs.includes(a.verb))
    .map((a) => ({ type: "Action.Execute", title: a.title, verb: a.verb, data: { eventId: event.id } }));
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    refresh: { action: { type: "Action.Execute", verb: CardVerbs.eventRefresh, data: { eventId: event.id } } },
    body: [
      { type: "TextBlock", text: event.title, size: "Large", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        text: `Événement n° ${event.id} · ${statusLabels[event.status]}${event.projectReference ? ` · projet ${event.projectReference}` : ""}`,
        isSubtle: true,
        wrap: true,
      },
      {
        type: "FactSet",
        facts: [
          { title: "Date", value: formatEventPeriod(event.startsAt, event.endsAt) },
          { title: "Lieu", value: event.place },
          { title: "Réponses", value: describeCounts(event) },
        ],
      },
      { type: "TextBlock", text: "Invités", weight: "Bolder", wrap: true, spacing: "Medium" },
      {
        type: "FactSet",
        facts: event.invitees.map((i) => ({
          title: `${i.name ?? i.email} (${inviteeGroupLabels[i.group]})`,
          value: rsvpLabels[i.rsvp],
        })),
      },
    ],
    actions,
  };
}

/** The text fallback of the event card. */
export function eventCardSummary(event: EventOverview): string {
  return `${event.title}, le ${formatShortDate(event.startsAt)} : ${describeCounts(event)}`;
}
