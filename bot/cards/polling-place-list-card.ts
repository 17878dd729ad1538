import type { PollingPlaceItem } from "../../domain/votes/list-polling-places.ts";
import { type PollingPlaceState, pollingPlaceStateLabels } from "../../domain/votes/polling-place-state.ts";
import { CardVerbs } from "./card-verbs.ts";

const stateColor: Record<PollingPlaceState, string> = {
  TO_ENTER: "default",
  WAITING: "accent",
  DISAGREEMENT: "attention",
  VALIDATED: "good",
};

/** The text fallback: « Bureaux de vote 2024 · 4 bureaux ». */
export function pollingPlaceListSummary(editionYear: number, places: PollingPlaceItem[]): string {
  return `Bureaux de vote ${editionYear} · ${places.length.toLocaleString("fr-FR")} bureau(x)`;
}

/**
 * The polling places of an edition as an Adaptive Card 1.5: one row per place (name,
 * commune and canton, who entered it) with its state in colour (à saisir, en attente de
 * la 2e saisie, désaccord, validé), the row opening the place's card. Pure.
 */
export function buildPollingPlaceListCard(editionYear: number, places: PollingPlaceItem[]): Record<string, unknown> {
  const rows = places.map((place) => ({
    type: "Container",
    separator: true,
    spacing: "Small",
    selectAction: {
      type: "Action.Execute",
      title: `Ouvrir ${place.name}`,
      verb: CardVerbs.pollingPlaceOpen,
      data: { placeId: place.id },
    },
    items: [
      {
        type: "ColumnSet",
        columns: [
          {
            type: "Column",
            width: "stretch",
            items: [{ type: "TextBlock", text: place.name, weight: "Bolder", wrap: true }],
          },
          {
            type: "Column",
            width: "auto",
            items: [{ type: "TextBlock", text: pollingPlaceStateLabels[place.state], color: stateColor[place.state] }],
          },
        ],
      },
      {
        type: "TextBlock",
        size: "Small",
        spacing: "None",
        isSubtle: true,
        wrap: true,
        text: [
          [place.commune, place.canton].filter(Boolean).join(", ") || "lieu non indiqué",
          place.agents.length > 0 ? `saisi par ${place.agents.join(", ")}` : null,
        ]
          .filter(Boolean)
          .join(" · "),
      },
    ],
  }));
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: pollingPlaceListSummary(editionYear, places),
    body: [
      { type: "TextBlock", text: `Bureaux de vote — édition ${editionYear}`, size: "Medium", weight: "Bolder" },
      ...(rows.length > 0
        ? rows
        : [
            {
              type: "TextBlock",
              text: "Aucun bureau enregistré. Pour en ajouter un : dépouillement bureau ajouter Mairie de Dax, Dax",
              wrap: true,
            },
          ]),
    ],
  };
}
