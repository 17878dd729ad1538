import type { PollingPlaceItem } from "../../domain/votes/list-polling-places.ts";
import { type PollingPlaceState, pollingPlaceStateLabels } from "../../domain/votes/polling-place-state.ts";
import { CardVerbs } from "./card-verbs.ts";

const stateColor: Record<PollingPlaceState, string> = {
  TO_ENTER: "default",
  WAITING: "accent",
  DISAGREEMENT: "attention",
  VALIDATED: "good",
};

/** Which places the list shows: an edition's, or one canton's. */
export interface PlaceListScope {
  editionYear: number;
  canton: string | null;
}

/** What needs an agent first: disagreements, then places waiting for their 2nd entry, then the rest. */
const statePriority: Record<PollingPlaceState, number> = { DISAGREEMENT: 0, WAITING: 1, TO_ENTER: 2, VALIDATED: 3 };

/** A card stays well under Teams' size limit (about 28 KB) with this many rows. */
const MAX_ROWS = 30;

const title = (scope: PlaceListScope) =>
  `Bureaux de vote — édition ${scope.editionYear}${scope.canton ? ` · canton ${scope.canton}` : ""}`;

/** The text fallback: « Bureaux de vote — édition 2024 · 4 bureau(x) ». */
export function pollingPlaceListSummary(scope: PlaceListScope, places: PollingPlaceItem[]): string {
  return `${title(scope)} · ${places.length.toLocaleString("fr-FR")} bureau(x)`;
}

/**
 * The polling places of an edition (or canton) as an Adaptive Card 1.5: one row per place
 * (name, commune and canton, who entered it) with its state in colour (à saisir, en
 * attente de la 2e saisie, désaccord, validé), the row opening the place's card. The
 * places needing an agent come first; beyond 30 rows, the card says how many are left
 * and how to narrow to a canton. Pure.
 */
export function buildPollingPlaceListCard(scope: PlaceListScope, places: PollingPlaceItem[]): Record<string, unknown> {
  const sorted = [...places].sort(
    (a, b) => statePriority[a.state] - statePriority[b.state] || a.name.localeCompare(b.name, "fr"),
  );
  const counts = (Object.keys(statePriority) as PollingPlaceState[])
    .map((state) => ({ state, count: places.filter((p) => p.state === state).length }))
    .filter(({ count }) => count > 0)
    .map(({ state, count }) => `${count.toLocaleString("fr-FR")} ${pollingPlaceStateLabels[state]}`);
  const rows = sorted.slice(0, MAX_ROWS).map((place) => ({
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
    fallbackText: pollingPlaceListSummary(scope, places),
    body: [
      { type: "TextBlock", text: title(scope), size: "Medium", weight: "Bolder", wrap: true },
      ...(counts.length > 0
        ? [{ type: "TextBlock", text: counts.join(" · "), isSubtle: true, spacing: "None", wrap: true }]
        : []),
      ...(rows.length > 0
        ? rows
        : [
            {
              type: "TextBlock",
              text: "Aucun bureau enregistré. Pour en ajouter un : dépouillement bureau ajouter Mairie de Dax, Dax",
              wrap: true,
            },
          ]),
      ...(places.length > MAX_ROWS
        ? [
            {
              type: "TextBlock",
              text: `… et ${(places.length - MAX_ROWS).toLocaleString("fr-FR")} autres bureaux : précisez un canton, par exemple « dépouillement bureaux Dax-1 ».`,
              isSubtle: true,
              wrap: true,
            },
          ]
        : []),
    ],
  };
}
