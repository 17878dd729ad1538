import { ideaStatusLabels } from "../../domain/ideas/idea-status-labels.ts";
import type { IdeaList, IdeaListItem } from "../../domain/ideas/list-ideas.ts";
import { formatCount } from "../../domain/text/count-label.ts";
import { CardVerbs } from "./card-verbs.ts";
import { listRow } from "./list-row.ts";

function countLabel(total: number): string {
  return total === 1 ? "1 idée" : `${formatCount(total)} idées`;
}

/** The text fallback: « Idées 2024 · 42 idées · page 1 sur 5 ». */
export function ideaListSummary(list: IdeaList): string {
  const title = list.editionYear ? `Idées ${list.editionYear}` : "Idées";
  return `${title} · ${countLabel(list.total)}${list.pageCount > 1 ? ` · page ${list.page} sur ${list.pageCount}` : ""}`;
}

/**
 * A page of ideas as an Adaptive Card 1.5: one row per idea (reference, title, porteur,
 * canton, status, youth, cost, number of points of attention) opening its card
 * (`idea.open`), and page buttons (`ideas.page`, the filters as typed in `query`). Pure.
 */
export function buildIdeaListCard(list: IdeaList, query: string): Record<string, unknown> {
  const pageButton = (title: string, page: number) => ({
    type: "Action.Execute",
    title,
    verb: CardVerbs.ideasPage,
    data: { query, page },
  });
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: ideaListSummary(list),
    body: [
      {
        type: "TextBlock",
        text: list.editionYear ? `Idées déposées — édition ${list.editionYear}` : "Idées déposées",
        size: "Medium",
        weight: "Bolder",
        wrap: true,
      },
      {
        type: "TextBlock",
        text:
          list.total === 0
            ? "Aucune idée ne correspond à ces filtres."
            : `${countLabel(list.total)}${list.pageCount > 1 ? ` · page ${list.page} sur ${list.pageCount}` : ""}`,
        isSubtle: true,
        spacing: "None",
        wrap: true,
      },
      ...list.items.map(ideaRow),
    ],
    ...(list.pageCount > 1
      ? {
          actions: [
            ...(list.page > 1 ? [pageButton("Page précédente", list.page - 1)] : []),
            ...(list.page < list.pageCount ? [pageButton("Page suivante", list.page + 1)] : []),
          ],
        }
      : {}),
  };
}

function ideaRow(item: IdeaListItem): Record<string, unknown> {
  const details = [
    item.holderName,
    item.canton ? `canton ${item.canton}` : null,
    ideaStatusLabels[item.status],
    item.isYouth ? "jeune" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const warned = item.warningCount > 0;
  return listRow({
    reference: item.reference,
    title: item.title,
    cents: item.estimatedCents,
    verb: CardVerbs.ideaOpen,
    details: {
      text: warned ? `${details} · ⚠ ${item.warningCount} point(s) d'attention` : details,
      isSubtle: !warned,
      ...(warned ? { color: "attention" } : {}),
    },
  });
}
