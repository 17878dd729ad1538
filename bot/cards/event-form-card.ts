import type { Invitee } from "../../domain/events/default-invitees.ts";
import type { RoomRow } from "../../domain/events/resolve-place.ts";
import { EventKind } from "../../prisma/generated/enums.ts";
import { eventKindLabels } from "../../templates/email/event-kind-labels.ts";
import { CardVerbs } from "./card-verbs.ts";
import { inviteeGroupLabels } from "./event-card.ts";

/** The room choice meaning « at an address, not in a Département room ». */
export const ON_SITE = "sur-place";

/** Adaptive Cards refuse empty values: only set one when there is something. */
const filledValue = (value: string | undefined) => (value ? { value } : {});

export interface EventFormInput {
  /** The project the event is about; null for a public meeting, a commission session… */
  reference: string | null;
  projectTitle: string | null;
  rooms: readonly RoomRow[];
  /** The project's default invitees, shown under their group. */
  invitees: readonly Invitee[];
  /** Values typed before a refusal, to fill the form again. */
  values?: Record<string, string>;
  /** French refusals of the previous submission. */
  problems?: readonly string[];
}

/**
 * The event form: type (an inauguration needs a project; public meetings, citizens'
 * commission sessions, counting… may have none), title, date, times, a room of the
 * catalogue or an address, description, invitee groups (all ticked) and extra
 * addresses. Teams checks nothing that matters: `event.save` validates it all again.
 */
export function buildEventFormCard(input: EventFormInput): Record<string, unknown> {
  const v = input.values ?? {};
  const groups = [...new Set(input.invitees.map((i) => i.group))];
  const groupChoices = groups.map((group) => {
    const names = input.invitees.filter((i) => i.group === group).map((i) => i.name ?? i.email);
    return { title: `${inviteeGroupLabels[group]} : ${names.join(", ")}`, value: group };
  });
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: input.reference ? "Organiser l'inauguration" : "Organiser un événement",
        size: "Large",
        weight: "Bolder",
        wrap: true,
      },
      ...(input.reference
        ? [{ type: "TextBlock", text: `${input.reference} — ${input.projectTitle ?? ""}`, isSubtle: true, wrap: true }]
        : []),
      ...(input.problems ?? []).map((p) => ({ type: "TextBlock", text: p, color: "Attention", wrap: true })),
      {
        type: "Input.ChoiceSet",
        id: "kind",
        label: "Type d'événement",
        value: v.kind || (input.reference ? "INAUGURATION" : "PUBLIC_MEETING"),
        choices: Object.values(EventKind)
          .filter((kind) => input.reference || kind !== "INAUGURATION")
          .map((kind) => ({ title: eventKindLabels[kind], value: kind })),
      },
      {
        type: "Input.Text",
        id: "title",
        label: input.reference ? "Intitulé (facultatif)" : "Intitulé",
        placeholder: input.reference ? "Par défaut : Inauguration : <titre du projet>" : "Ex. : Réunion publique à Dax",
        maxLength: 200,
        ...filledValue(v.title),
      },
      {
        type: "Input.Date",
        id: "date",
        label: "Date",
        isRequired: true,
        errorMessage: "Indiquez la date.",
        ...filledValue(v.date),
      },
      {
        type: "ColumnSet",
        columns: [
          {
            type: "Column",
            items: [
              {
                type: "Input.Time",
                id: "start",
                label: "Début",
                value: v.start || "18:00",
                isRequired: true,
                errorMessage: "Indiquez l'heure de début.",
              },
            ],
          },
          {
            type: "Column",
            items: [
              {
                type: "Input.Time",
                id: "end",
                label: "Fin",
                value: v.end || "20:00",
                isRequired: true,
                errorMessage: "Indiquez l'heure de fin.",
              },
            ],
          },
        ],
      },
      {
        type: "Input.ChoiceSet",
        id: "roomId",
        label: "Salle du Département (ou laissez « Sur place » et indiquez l'adresse)",
        value: v.roomId || ON_SITE,
        choices: [
          { title: "Sur place (adresse ci-dessous)", value: ON_SITE },
          ...input.rooms.map((r) => ({ title: `${r.name} — ${r.site} (${r.capacity} places)`, value: String(r.id) })),
        ],
      },
      {
        type: "Input.Text",
        id: "address",
        label: "Adresse",
        ...filledValue(v.address),
        placeholder: "Ex. : Skatepark, avenue de la Gare, 40270 Grenade-sur-l'Adour",
      },
      { type: "Input.Text", id: "description", label: "Description", isMultiline: true, ...filledValue(v.description) },
      {
        type: "Input.ChoiceSet",
        id: "groups",
        label: "Invités",
        isMultiSelect: true,
        style: "expanded",
        ...filledValue(v.groups ?? groups.join(",")),
        choices: groupChoices,
      },
      {
        type: "Input.Text",
        id: "extraEmails",
        label: "Autres invités (adresses e-mail séparées par des virgules)",
        ...filledValue(v.extraEmails),
      },
    ],
    actions: [
      {
        type: "Action.Execute",
        title: "Envoyer les invitations",
        verb: CardVerbs.eventSave,
        data: input.reference ? { reference: input.reference } : {},
      },
    ],
  };
}
