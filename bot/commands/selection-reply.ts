import { findPublisher } from "../../domain/selection/find-publisher.ts";
import { loadSelection } from "../../domain/selection/load-selection.ts";
import { selectWinners } from "../../domain/selection/select-winners.ts";
import { selectionFingerprint } from "../../domain/selection/selection-fingerprint.ts";
import type { Db } from "../../prisma/create-db.ts";
import { buildSelectionCard, type SelectionCardOptions, selectionSummary } from "../cards/selection-card.ts";

/**
 * The selection card of an edition (the latest when `year` is absent) at a page: the
 * dry run computed afresh from the eligible ideas and the count, and, once published,
 * when and by whom. Shared by `sélection` and the card's buttons.
 */
export async function selectionReply(
  db: Db,
  request: { year?: number; page?: number } & SelectionCardOptions,
): Promise<{ card: Record<string, unknown>; summary: string }> {
  const { year, page = 1, ...options } = request;
  const { edition, candidates } = await loadSelection(db, year);
  const selection = selectWinners(candidates, edition.rules);
  const view = {
    year: edition.year,
    rules: edition.rules,
    selection,
    published: edition.publishedAt ? { at: edition.publishedAt, by: await findPublisher(db, edition.id) } : null,
    fingerprint: selectionFingerprint(selection),
    page,
  };
  return { card: buildSelectionCard(view, options), summary: selectionSummary(view) };
}
