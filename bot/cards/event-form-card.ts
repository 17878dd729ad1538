import type { Invitee } from "../../domain/events/default-invitees.ts";
import type { RoomRow } from "../../domain/events/resolve-place.ts";
import { CardVerbs } from "./card-verbs.ts";
import { inviteeGroupLabels } from "./event-card.ts";

/** The room choice meaning « at an address, not in a Département room ». */
export const ON_SITE = "sur-place";

/** Adaptive Cards refuse empty values: only set one when there is something. */
const filledValue = (value: string | undefined) => (value ? { value } : {});

export interface EventFormInput {
  reference: string;
  projectTitle: string;
  rooms: readonly RoomRow[];
  /** The project's default invitees, shown under their group. */
  invitees: readonly Invitee[];
  /** Values typed before a refusal, to fill the form again. */
  values?: Record<string, string>;
  /** French refusals of the previous submission. */
  problems?: readonly string[];
}

/**
 * The « Organiser l'inauguration » form: date, times, a room of the catalogue or an
 * address, description, invitee groups (all ticked) and extra addresses. Teams checks
 * nothing that matters: `event.save` validates everything again on the server.
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
      { type: "TextBlock", text: "Organiser l'inauguration", size: "Large", weight: "Bolder", wrap: true },
      { type: "TextBlock", text: `${input.reference} — ${input.projectTitle}`, isSubtle: true, wrap: true },
      ...(input.problems ?? []).map((p) => ({ type: "TextBlock", text: p, color: "Attention", wrap: true })),
      {
        type: "Input.ChoiceSet",
        id: "kind",
        label: "Type d'événement",
        value: v.kind ?? "INAUGURATION",
        choices: [{ title: "Inauguration", value: "INAUGURATION" }],
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
        data: { reference: input.reference },
      },
    ],
  };
}
