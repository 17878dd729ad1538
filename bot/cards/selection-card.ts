import { formatDate } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import type { Selection, SelectionLine, SelectionRules } from "../../domain/selection/selection-types.ts";
import { countLabel } from "../../domain/text/count-label.ts";
import { CardVerbs } from "./card-verbs.ts";
import { selectionSummaryFacts } from "./selection-summary-facts.ts";

/** Explanation lines per page: the card stays well under Teams' size limit. */
export const SELECTION_PAGE_SIZE = 20;

export interface SelectionView {
  year: number;
  rules: SelectionRules;
  selection: Selection;
  /** When and by whom the results were published; null for a dry run. */
  published: { at: Date; by: string | null } | null;
  /** `selectionFingerprint`: the publication refuses a selection other than the one reviewed. */
  fingerprint: string;
  page: number;
}

export interface SelectionCardOptions {
  /** Admins only: shows « Publier les résultats » (the server checks the role again). */
  canPublish: boolean;
  handledVerbs: readonly string[];
  notice?: { text: string; tone: "good" | "attention" };
}

/** The text fallback: « Sélection 2021 (simulation) · 54 lauréats · 1 498 200,00 € sur 1 500 000,00 € ». */
export function selectionSummary(view: SelectionView): string {
  const { totals } = view.selection;
  const state = view.published ? "publiée" : "simulation";
  return `Sélection ${view.year} (${state}) · ${countLabel(totals.winners, "lauréat")} · ${formatEuros(totals.spentCents)} sur ${formatEuros(totals.budgetCents)}`;
}

/**
 * The winners' selection as an Adaptive Card 1.5: the envelope and what is selected, the
 * youth reserve and what flowed back, the winners per canton (guarantees not met in the
 * attention colour), then the explanation line by line, paged (`selection.page`), in the
 * order the selection decided. Admins get « Publier les résultats », which opens a
 * confirmation before `selection.publish`. Pure.
 */
export function buildSelectionCard(view: SelectionView, options: SelectionCardOptions): Record<string, unknown> {
  const handled = new Set(options.handledVerbs);
  const { lines } = view.selection;
  const pageCount = Math.max(1, Math.ceil(lines.length / SELECTION_PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pageCount);
  const shown = lines.slice((page - 1) * SELECTION_PAGE_SIZE, page * SELECTION_PAGE_SIZE);
  const pageButton = (title: string, target: number) => ({
    type: "Action.Execute",
    title,
    verb: CardVerbs.selectionPage,
    data: { year: view.year, page: target },
  });
  const actions = [
    ...(handled.has(CardVerbs.selectionPage) && page > 1 ? [pageButton("Page précédente", page - 1)] : []),
    ...(handled.has(CardVerbs.selectionPage) && page < pageCount ? [pageButton("Page suivante", page + 1)] : []),
    ...(options.canPublish &&
    !view.published &&
    view.selection.totals.winners > 0 &&
    handled.has(CardVerbs.selectionPublish)
      ? [publishAction(view)]
      : []),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: selectionSummary(view),
    body: [
      ...(options.notice
        ? [{ type: "TextBlock", text: options.notice.text, color: options.notice.tone, wrap: true }]
        : []),
      {
        type: "TextBlock",
        text: `Sélection des lauréats — édition ${view.year}`,
        size: "Medium",
        weight: "Bolder",
        wrap: true,
      },
      {
        type: "TextBlock",
        text: view.published
          ? `Résultats publiés le ${formatDate(view.published.at)}${view.published.by ? ` par ${view.published.by}` : ""} (liste recalculée ci-dessous)`
          : "Simulation : rien n'est enregistré ni envoyé tant que les résultats ne sont pas publiés.",
        isSubtle: true,
        spacing: "None",
        wrap: true,
      },
      ...selectionSummaryFacts(view.selection, view.rules),
      {
        type: "TextBlock",
        text: `Explication ligne à ligne${pageCount > 1 ? ` · page ${page} sur ${pageCount}` : ""}`,
        weight: "Bolder",
        separator: true,
        wrap: true,
      },
      ...shown.map(explanationRow),
    ],
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function explanationRow(line: SelectionLine): Record<string, unknown> {
  const { idea } = line;
  const details = [
    `n° ${line.rank}`,
    countLabel(idea.votes, "voix", "voix"),
    formatEuros(idea.costCents),
    idea.canton ?? "sans canton",
    ...(idea.isYouth ? ["jeune"] : []),
  ].join(" · ");
  return {
    type: "Container",
    separator: true,
    spacing: "Small",
    items: [
      { type: "TextBlock", text: `${idea.reference} · ${idea.title}`, weight: "Bolder", wrap: true },
      { type: "TextBlock", text: details, size: "Small", isSubtle: true, spacing: "None", wrap: true },
      {
        type: "TextBlock",
        text: `${line.reason} · reste ${formatEuros(line.moneyLeftAfterCents)}`,
        size: "Small",
        spacing: "None",
        wrap: true,
        color: line.won ? "good" : "default",
      },
    ],
  };
}

function publishAction(view: SelectionView): Record<string, unknown> {
  const { totals } = view.selection;
  return {
    type: "Action.ShowCard",
    title: "Publier les résultats",
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "TextBlock",
          wrap: true,
          text: `La publication crée les ${totals.winners} projets lauréats, écrit à chacun des ${totals.candidates} porteurs (lauréat ou non) et envoie la carte des résultats dans le canal de l'équipe. Elle ne se fait qu'une fois.`,
        },
        {
          type: "Input.Toggle",
          id: "confirm",
          label: "Confirmation",
          title: `Je confirme la publication des résultats de l'édition ${view.year}`,
          valueOn: "oui",
          valueOff: "non",
          value: "non",
          isRequired: true,
          errorMessage: "Cochez la case pour confirmer.",
        },
      ],
      actions: [
        {
          type: "Action.Execute",
          title: "Publier",
          verb: CardVerbs.selectionPublish,
          data: { year: view.year, fingerprint: view.fingerprint },
        },
      ],
    },
  };
}
