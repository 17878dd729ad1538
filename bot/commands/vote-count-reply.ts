import { findCanton } from "../../domain/votes/find-canton.ts";
import { findCountEdition } from "../../domain/votes/find-count-edition.ts";
import { loadVoteCount } from "../../domain/votes/load-vote-count.ts";
import type { Db } from "../../prisma/create-db.ts";
import { buildVoteCountCard, voteCountSummary } from "../cards/vote-count-card.ts";
import type { Reply } from "./command.ts";

/**
 * The running count card of `dépouillement [année]` and `dépouillement canton <nom>`, and
 * of its « Actualiser » button. The canton is matched without accents, case or
 * punctuation (« dax 1 »). `handledVerbs` is passed in so the card action can use it
 * without an import cycle. Throws `EDITION_NOT_FOUND`, `CANTON_NOT_FOUND`.
 */
export async function voteCountReply(
  db: Db,
  handledVerbs: readonly string[],
  options: { year?: number | undefined; canton?: string | undefined },
): Promise<Reply> {
  const edition = await findCountEdition(db, options.year);
  const canton = options.canton === undefined ? undefined : await findCanton(db, options.canton);
  const count = await loadVoteCount(db, edition, { ...(canton ? { canton, top: 20 } : {}) });
  return { card: buildVoteCountCard(count, handledVerbs), summary: voteCountSummary(count) };
}
