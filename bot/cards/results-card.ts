import { formatDate } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import type { PublishedResults } from "../../domain/selection/load-published-results.ts";
import { countLabel } from "../../domain/text/count-label.ts";

/** The text fallback: « Résultats 2021 : 54 lauréats dont 17 projets jeunes, 1 498 200,00 € ». */
export function resultsSummary(results: PublishedResults): string {
  const youth = results.winners.filter((w) => w.isYouth).length;
  const total = results.winners.reduce((sum, w) => sum + w.awardedCents, 0);
  return `Résultats ${results.year} : ${countLabel(results.winners.length, "lauréat")} dont ${countLabel(youth, "projet jeune", "projets jeunes")}, ${formatEuros(total)}`;
}

/**
 * The published results as an Adaptive Card 1.5 for the team channel: totals, then the
 * winning projects canton by canton (reference, title, commune, amount, votes, youth).
 * Plain text only: channel members need not be agents of the bot. Pure.
 */
export function buildResultsCard(results: PublishedResults): Record<string, unknown> {
  const total = results.winners.reduce((sum, w) => sum + w.awardedCents, 0);
  const youth = results.winners.filter((w) => w.isYouth);
  const cantons = [...new Set(results.winners.map((w) => w.canton))].sort((a, b) => a.localeCompare(b, "fr"));
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: resultsSummary(results),
    body: [
      {
        type: "TextBlock",
        text: `Budget participatif citoyen des Landes ${results.year} : les lauréats`,
        size: "Large",
        weight: "Bolder",
        wrap: true,
      },
      {
        type: "TextBlock",
        text: `Résultats publiés le ${formatDate(results.publishedAt)}`,
        isSubtle: true,
        wrap: true,
      },
      {
        type: "FactSet",
        facts: [
          {
            title: "Lauréats",
            value: `${results.winners.length} sur ${countLabel(results.candidates, "idée soumise", "idées soumises")} au vote`,
          },
          {
            title: "Projets jeunes",
            value: `${youth.length} (${formatEuros(youth.reduce((sum, w) => sum + w.awardedCents, 0))})`,
          },
          { title: "Montant attribué", value: `${formatEuros(total)} sur ${formatEuros(results.budgetCents)}` },
        ],
      },
      ...cantons.flatMap((canton) => [
        { type: "TextBlock", text: canton, weight: "Bolder", spacing: "Medium", separator: true, wrap: true },
        ...results.winners
          .filter((w) => w.canton === canton)
          .map((w) => ({
            type: "TextBlock",
            spacing: "Small",
            wrap: true,
            text: [
              `${w.projectReference} · ${w.title}${w.commune ? ` (${w.commune})` : ""}`,
              formatEuros(w.awardedCents),
              countLabel(w.votes, "voix", "voix"),
              ...(w.isYouth ? ["projet jeune"] : []),
            ].join(" · "),
          })),
      ]),
    ],
  };
}
