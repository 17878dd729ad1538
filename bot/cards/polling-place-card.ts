import { formatDateTime } from "../../domain/dates/format-date.ts";
import type { PollingPlaceView } from "../../domain/votes/get-polling-place.ts";
import { pollingPlaceStateLabels } from "../../domain/votes/polling-place-state.ts";
import { CardVerbs } from "./card-verbs.ts";
import { figureRow } from "./figure-row.ts";

export interface PollingPlaceCardOptions {
  /** The verbs the bot answers right now: a button shows only if its verb is handled. */
  handledVerbs: readonly string[];
  /** A line on top after an action (« Bureau validé… »). */
  notice?: { text: string; tone: "good" | "attention" | "default" };
}

const n = (value: number) => value.toLocaleString("fr-FR");
const SHOWN_LINES = 40;

/** The text fallback: « Bureau Mairie de Dax · édition 2024 · validé ». */
export function pollingPlaceSummary(view: PollingPlaceView): string {
  return `Bureau ${view.name} · édition ${view.editionYear} · ${pollingPlaceStateLabels[view.state]}`;
}

/**
 * A polling place as an Adaptive Card 1.5: where it is, its state, who entered its tally
 * and when; in disagreement, each differing idea with what every agent entered (to check
 * against the official record, never averaged); once validated, the accepted figures.
 * While open, « Saisir le dépouillement » shows the form (one multiline text: two columns
 * pasted from Excel, `tally.enter`). A single entry's figures are not shown. Pure.
 */
export function buildPollingPlaceCard(
  view: PollingPlaceView,
  options: PollingPlaceCardOptions,
): Record<string, unknown> {
  const handled = new Set(options.handledVerbs);
  const where = [view.commune, view.canton ? `canton ${view.canton}` : null].filter(Boolean).join(", ");
  const entries = view.entries.map((e) => ({
    title: e.agentName,
    value: `le ${formatDateTime(e.enteredAt)}${view.state === "WAITING" ? "" : ` (${n(e.votes)} voix)`}`,
  }));
  const open = view.state !== "VALIDATED" && !view.published;
  const actions = [
    ...(open && handled.has(CardVerbs.tallyEnter) ? [enterAction(view)] : []),
    ...(handled.has(CardVerbs.pollingPlaceOpen)
      ? [{ type: "Action.Execute", title: "Actualiser", verb: CardVerbs.pollingPlaceOpen, data: { placeId: view.id } }]
      : []),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: pollingPlaceSummary(view),
    body: [
      ...(options.notice
        ? [{ type: "TextBlock", text: options.notice.text, color: options.notice.tone, wrap: true, weight: "Bolder" }]
        : []),
      { type: "TextBlock", text: `Bureau de vote : ${view.name}`, size: "Medium", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        text: `${where || "lieu non indiqué"} · édition ${view.editionYear} · ${pollingPlaceStateLabels[view.state]}`,
        isSubtle: true,
        spacing: "None",
        wrap: true,
      },
      ...(entries.length > 0
        ? [
            { type: "TextBlock", text: "Saisies", weight: "Bolder", separator: true },
            { type: "FactSet", facts: entries },
          ]
        : [{ type: "TextBlock", text: "Aucune saisie pour l'instant.", isSubtle: true, separator: true }]),
      ...(view.state === "WAITING"
        ? [{ type: "TextBlock", text: "En attente de la saisie d'un autre agent.", wrap: true }]
        : []),
      ...(view.differences.length > 0
        ? [
            {
              type: "TextBlock",
              text: "Différences entre les saisies : vérifiez ces lignes sur le procès-verbal, puis ressaisissez",
              weight: "Bolder",
              color: "attention",
              separator: true,
              wrap: true,
            },
            figureRow(["Idée", ...view.entries.map((e) => e.agentName)], true),
            ...view.differences
              .slice(0, SHOWN_LINES)
              .map((d) => figureRow([`${d.reference} ${d.title}`, ...d.votes.map(n)])),
            ...more(view.differences.length, "autres différences"),
          ]
        : []),
      ...(view.state === "VALIDATED"
        ? [
            {
              type: "TextBlock",
              text: `Validé${view.acceptedAt ? ` le ${formatDateTime(view.acceptedAt)}` : ""} : deux saisies identiques.`,
              color: "good",
              separator: true,
              wrap: true,
            },
            ...view.accepted
              .slice(0, SHOWN_LINES)
              .map((a) => figureRow([`${a.reference} ${a.title}`, `${n(a.votes)} voix`])),
            ...more(view.accepted.length, "autres idées"),
          ]
        : []),
      ...(view.published
        ? [{ type: "TextBlock", text: "Résultats publiés : le dépouillement est clos.", isSubtle: true, wrap: true }]
        : []),
    ],
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** « … et 12 autres idées. » under a list cut at `SHOWN_LINES` (a card stays under Teams' size limit). */
function more(total: number, what: string): Record<string, unknown>[] {
  if (total <= SHOWN_LINES) return [];
  return [{ type: "TextBlock", text: `… et ${n(total - SHOWN_LINES)} ${what}.`, isSubtle: true }];
}

function enterAction(view: PollingPlaceView): Record<string, unknown> {
  return {
    type: "Action.ShowCard",
    title: "Saisir le dépouillement",
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.Text",
          id: "lines",
          label:
            "Une ligne par idée : sa référence puis ses voix (collez deux colonnes d'Excel ; une idée absente compte 0)",
          placeholder: "I2024-0123\t125",
          isMultiline: true,
          isRequired: true,
          errorMessage: "Collez ou tapez les résultats du bureau.",
          maxLength: 20000,
        },
      ],
      actions: [
        {
          type: "Action.Execute",
          title: "Enregistrer ma saisie",
          verb: CardVerbs.tallyEnter,
          data: { placeId: view.id },
        },
      ],
    },
  };
}
