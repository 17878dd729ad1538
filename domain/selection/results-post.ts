import type { Db, DbTx } from "../../prisma/create-db.ts";

/** The Setting key of the channel chosen with `sélection canal` (the veille's channel otherwise). */
export const RESULTS_CHANNEL_KEY = "selection.canal";
const PREFIX = "selection.resultats.";

interface ResultsPost {
  year: number;
  postedAt: string | null;
}

/**
 * Records, in the publication's transaction, that the edition's results card is owed to
 * the team channel. The worker posts it and marks it done: a post that fails, or waits
 * for a channel to be chosen, is tried again at the next run rather than lost.
 */
export async function owePostedResults(tx: DbTx, year: number): Promise<void> {
  const value: ResultsPost = { year, postedAt: null };
  await tx.setting.upsert({
    where: { key: `${PREFIX}${year}` },
    create: { key: `${PREFIX}${year}`, value: { ...value } },
    update: {},
  });
}

/** The editions whose results card is still to post, oldest first. */
export async function findResultsToPost(db: Db): Promise<number[]> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: PREFIX } }, select: { value: true } });
  return rows
    .map((row) => row.value as unknown as ResultsPost)
    .filter((post) => post.postedAt === null)
    .map((post) => post.year)
    .sort((a, b) => a - b);
}

/** Marks the card posted (a retried job then finds nothing to do). */
export async function markResultsPosted(db: Db, year: number, now: Date): Promise<void> {
  const value: ResultsPost = { year, postedAt: now.toISOString() };
  await db.setting.update({ where: { key: `${PREFIX}${year}` }, data: { value: { ...value } } });
}

/** Puts the card back in the queue of posts (`sélection publier 2021` after the channel was lost or changed). */
export async function repostResults(db: Db, year: number): Promise<void> {
  const value: ResultsPost = { year, postedAt: null };
  await db.setting.upsert({
    where: { key: `${PREFIX}${year}` },
    create: { key: `${PREFIX}${year}`, value: { ...value } },
    update: { value: { ...value } },
  });
}
