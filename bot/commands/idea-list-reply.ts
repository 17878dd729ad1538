import { DomainError } from "../../domain/errors/domain-error.ts";
import { listIdeas } from "../../domain/ideas/list-ideas.ts";
import { parseIdeaFilters } from "../../domain/ideas/parse-idea-filters.ts";
import type { Db } from "../../prisma/create-db.ts";
import { buildIdeaListCard, ideaListSummary } from "../cards/idea-list-card.ts";

/** How `idées` is typed, for the refusal of words it cannot read. */
export const IDEAS_USAGE = "idées 2024 Dax-1 à analyser jeunes";

/**
 * The list card of `idées <filtres>` at a page (the command, and its page buttons).
 * Throws `COMMAND_UNCLEAR` naming the words it could not read.
 */
export async function ideaListReply(
  db: Db,
  query: string,
  page?: number,
): Promise<{ card: Record<string, unknown>; summary: string }> {
  const cantons = await db.canton.findMany({ select: { id: true, name: true } });
  const { filters, unread } = parseIdeaFilters(query, cantons);
  if (unread.length > 0) {
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: `Je n'ai pas compris « ${unread.join(" ")} » : filtres possibles, une édition, un canton, un statut (à analyser, recevables, à ajuster, non recevables), jeunes.`,
      usage: IDEAS_USAGE,
    });
  }
  const list = await listIdeas(db, { ...filters, ...(page ? { page } : {}) });
  return { card: buildIdeaListCard(list, query), summary: ideaListSummary(list) };
}
