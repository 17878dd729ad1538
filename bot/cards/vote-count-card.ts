import type { VoteCount, VoteSums } from "../../domain/votes/load-vote-count.ts";
import { CardVerbs } from "./card-verbs.ts";
import { figureRow } from "./figure-row.ts";

const n = (value: number) => value.toLocaleString("fr-FR");

/** The text fallback: « Dépouillement 2024 · 482 voix (457 en ligne, 25 papier) ». */
export function voteCountSummary(count: VoteCount): string {
  const scope = count.canton ? ` · canton ${count.canton}` : "";
  return `Dépouillement ${count.editionYear}${scope} · ${n(count.overall.total)} voix (${n(count.overall.online)} en ligne, ${n(count.overall.paper)} papier)`;
}

const HEADINGS = ["En ligne", "Papier", "Total"];
const figures = (label: string, sums: VoteSums) => figureRow([label, n(sums.online), n(sums.paper), n(sums.total)]);

/**
 * The running count as an Adaptive Card 1.5: overall online, paper and total votes (paper
 * from validated polling places only) with the places validated, waiting or in
 * disagreement; the totals per canton of the ideas; the ideas with the most votes.
 * « Actualiser » reads it again (`vote-count.refresh`). French number formats. Pure.
 */
export function buildVoteCountCard(count: VoteCount, handledVerbs: readonly string[]): Record<string, unknown> {
  const places = count.places;
  const refresh = handledVerbs.includes(CardVerbs.voteCountRefresh)
    ? [
        {
          type: "Action.Execute",
          title: "Actualiser",
          verb: CardVerbs.voteCountRefresh,
          data: { year: count.editionYear, ...(count.canton ? { canton: count.canton } : {}) },
        },
      ]
    : [];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: voteCountSummary(count),
    body: [
      {
        type: "TextBlock",
        text: `Dépouillement — édition ${count.editionYear}${count.canton ? ` · canton ${count.canton}` : ""}`,
        size: "Medium",
        weight: "Bolder",
        wrap: true,
      },
      ...(count.published
        ? [
            {
              type: "TextBlock",
              text: "Résultats publiés : le dépouillement est clos.",
              isSubtle: true,
              spacing: "None",
            },
          ]
        : []),
      {
        type: "FactSet",
        facts: [
          { title: "Votes en ligne", value: n(count.overall.online) },
          { title: "Votes papier (bureaux validés)", value: n(count.overall.paper) },
          { title: "Total", value: n(count.overall.total) },
          {
            title: "Bureaux de vote",
            value: `${n(places.VALIDATED)} validé(s), ${n(places.WAITING)} en attente de la 2e saisie, ${n(places.DISAGREEMENT)} en désaccord, ${n(places.TO_ENTER)} à saisir`,
          },
        ],
      },
      ...(count.canton
        ? []
        : [
            { type: "TextBlock", text: "Par canton", weight: "Bolder", separator: true },
            figureRow(["Canton", ...HEADINGS], true),
            ...count.cantons.map((c) => figures(c.canton ?? "sans canton", c)),
          ]),
      { type: "TextBlock", text: "En tête", weight: "Bolder", separator: true },
      figureRow(["Idée", ...HEADINGS], true),
      ...count.top.map((idea, index) =>
        figures(`${index + 1}. ${idea.reference} ${idea.title}${idea.isYouth ? " (jeune)" : ""}`, idea),
      ),
      ...(count.top.length === 0
        ? [{ type: "TextBlock", text: "Aucune idée dans cette édition.", isSubtle: true }]
        : []),
    ],
    ...(refresh.length > 0 ? { actions: refresh } : {}),
  };
}
