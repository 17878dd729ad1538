/** One entry's figures: votes per idea id (an idea left out has 0). */
export type TallyVotes = ReadonlyMap<number, number>;

/** Two entries agree when every idea has the same votes in both, a missing line counting as 0. */
export function sameTally(a: TallyVotes, b: TallyVotes): boolean {
  return tallyDifferences([a, b]).length === 0;
}

/**
 * The ideas on which entries differ, each with what every entry says (in the entries'
 * order, 0 for a missing line), sorted by idea id. Shown as is to the agents: a
 * disagreement is settled by entering again, never by averaging.
 */
export function tallyDifferences(entries: readonly TallyVotes[]): { ideaId: number; votes: number[] }[] {
  const ideaIds = [...new Set(entries.flatMap((entry) => [...entry.keys()]))].sort((a, b) => a - b);
  return ideaIds.flatMap((ideaId) => {
    const votes = entries.map((entry) => entry.get(ideaId) ?? 0);
    return votes.every((v) => v === votes[0]) ? [] : [{ ideaId, votes }];
  });
}
