import type { DbTx } from "../../prisma/create-db.ts";
import { editionNotFound } from "../reports/edition-not-found.ts";
import { loadVoteTotals } from "../votes/load-vote-totals.ts";
import type { SelectionCandidate, SelectionRules } from "./selection-types.ts";

export interface SelectionEdition {
  id: number;
  year: number;
  rules: SelectionRules;
  publishedAt: Date | null;
}

export interface SelectionInput {
  edition: SelectionEdition;
  /** The edition's recevable ideas (`ELIGIBLE`) with their votes (online + accepted paper tallies). */
  candidates: SelectionCandidate[];
}

/**
 * Reads what `selectWinners` needs for an edition (the latest one when `year` is absent):
 * its rules and its eligible ideas with their votes. An idea without a canton takes its
 * commune's. Throws `EDITION_NOT_FOUND` listing the editions on record.
 */
export async function loadSelection(db: DbTx, year?: number): Promise<SelectionInput> {
  const edition = await db.edition.findFirst({
    ...(year === undefined ? {} : { where: { year } }),
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      publishedAt: true,
      budgetCents: true,
      youthShareBp: true,
      ideaCapCents: true,
      youthIdeaCapCents: true,
      exceptionalCapCents: true,
      exceptionalSlots: true,
      winnersPerCanton: true,
      youthWinnersPerCanton: true,
    },
  });
  if (!edition) throw await editionNotFound(db, year === undefined ? "" : String(year));
  const { id, publishedAt, year: _year, ...rules } = edition;
  const [ideas, votes] = await Promise.all([
    db.idea.findMany({
      where: { editionId: id, status: "ELIGIBLE" },
      select: {
        id: true,
        reference: true,
        title: true,
        isYouth: true,
        estimatedCents: true,
        canton: { select: { id: true, name: true } },
        commune: { select: { canton: { select: { id: true, name: true } } } },
      },
      orderBy: { id: "asc" },
    }),
    loadVoteTotals(db, id),
  ]);
  const totals = new Map(votes.map((v) => [v.ideaId, v.total]));
  return {
    edition: { id, year: edition.year, publishedAt, rules },
    candidates: ideas.map((idea) => {
      const canton = idea.canton ?? idea.commune?.canton ?? null;
      return {
        ideaId: idea.id,
        reference: idea.reference,
        title: idea.title,
        cantonId: canton?.id ?? null,
        canton: canton?.name ?? null,
        isYouth: idea.isYouth,
        costCents: idea.estimatedCents,
        votes: totals.get(idea.id) ?? 0,
      };
    }),
  };
}
