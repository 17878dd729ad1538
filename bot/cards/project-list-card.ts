import type { ProjectHit } from "../../domain/projects/search-projects.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import { formatCount } from "../../domain/text/count-label.ts";
import { CardVerbs } from "./card-verbs.ts";
import { listRow } from "./list-row.ts";

export interface ProjectListCardInput {
  title: string;
  hits: readonly ProjectHit[];
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The request as typed (« projets 2021 jeunes »): the page buttons run it again. */
  query: string;
}

/** The text fallback: « 12 projets · page 1 sur 2 ». */
export function projectListSummary({ title, total, page, pageSize }: ProjectListCardInput): string {
  return `${title} · ${countLabel(total)}${pageCount(total, pageSize) > 1 ? ` · page ${page} sur ${pageCount(total, pageSize)}` : ""}`;
}

/**
 * A page of projects as an Adaptive Card 1.5: one row per project (reference, title,
 * place, status, youth badge, amount) that opens the project's card when selected
 * (`project.open`), and « Page précédente » / « Page suivante » buttons (`projects.page`,
 * answered by updating this card in place). Pure.
 */
export function buildProjectListCard(input: ProjectListCardInput): Record<string, unknown> {
  const { hits, total, page, pageSize, query } = input;
  const pages = pageCount(total, pageSize);
  const pageButton = (title: string, target: number) => ({
    type: "Action.Execute",
    title,
    verb: CardVerbs.listPage,
    data: { query, page: target },
  });
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: projectListSummary(input),
    body: [
      { type: "TextBlock", text: input.title, size: "Medium", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        text: pages > 1 ? `${countLabel(total)} · page ${page} sur ${pages}` : countLabel(total),
        isSubtle: true,
        spacing: "None",
        wrap: true,
      },
      ...hits.map(projectRow),
    ],
    // An empty `actions` is not valid: the property is left out on a single page.
    ...(pages > 1
      ? {
          actions: [
            ...(page > 1 ? [pageButton("Page précédente", page - 1)] : []),
            ...(page < pages ? [pageButton("Page suivante", page + 1)] : []),
          ],
        }
      : {}),
  };
}

function projectRow(hit: ProjectHit): Record<string, unknown> {
  const place = hit.commune ? `${hit.commune} (${hit.canton})` : `canton ${hit.canton}`;
  const details = [place, projectStatusLabels[hit.status], ...(hit.isYouth ? ["Projet jeune"] : [])].join(" · ");
  return listRow({
    reference: hit.reference,
    title: hit.title,
    cents: hit.awardedCents,
    verb: CardVerbs.openProject,
    details: { text: details, isSubtle: true },
  });
}

function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

function countLabel(total: number): string {
  return total === 1 ? "1 projet" : `${formatCount(total)} projets`;
}
