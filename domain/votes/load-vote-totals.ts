import type { DbTx } from "../../prisma/create-db.ts";

/** An idea's votes: online (imported from the platform) and paper (accepted tallies only). */
export interface IdeaVoteTotal {
  ideaId: number;
  online: number;
  paper: number;
  total: number;
}

/**
 * The votes of every idea of an edition, in one statement. Paper votes count only from
 * polling places whose tally was accepted (two agreeing entries by two agents); a tally
 * still awaiting its second entry, or in disagreement, adds nothing. Ideas without any
 * vote are listed with zeros so the caller sees the whole edition.
 */
export async function loadVoteTotals(db: DbTx, editionId: number): Promise<IdeaVoteTotal[]> {
  const rows = await db.$queryRaw<{ ideaId: number; online: number; paper: bigint }[]>`
    SELECT i."id" AS "ideaId", i."onlineVotes" AS "online", COALESCE(SUM(l."votes"), 0) AS "paper"
    FROM "Idea" i
    LEFT JOIN "TallyLine" l ON l."ideaId" = i."id"
      AND l."entryId" IN (SELECT p."acceptedEntryId" FROM "PollingPlace" p
                          WHERE p."editionId" = ${editionId} AND p."acceptedEntryId" IS NOT NULL)
    WHERE i."editionId" = ${editionId}
    GROUP BY i."id"
    ORDER BY i."id"`;
  return rows.map((row) => {
    const paper = Number(row.paper);
    return { ideaId: row.ideaId, online: row.online, paper, total: row.online + paper };
  });
}
