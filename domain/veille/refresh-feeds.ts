import type { Db } from "../../prisma/create-db.ts";
import { FeedFetchError, fetchFeed } from "./fetch-feed.ts";
import { type FeedRefresh, recordFetch } from "./record-fetch.ts";

export interface RefreshOptions {
  now: Date;
  /** Per feed; a slow site must not hold the others (5 s in production). */
  timeoutMs: number;
  /** Feeds fetched at the same time. */
  concurrency: number;
}

/**
 * Reads every active feed, a few at a time. A feed that fails (timeout, 404, invalid
 * XML) gets its French error recorded and the others go on: each feed is settled on
 * its own (`Promise.allSettled`), and only an error of our own (the database) is rethrown.
 */
export async function refreshFeeds(db: Db, options: RefreshOptions): Promise<FeedRefresh[]> {
  const feeds = await db.feed.findMany({
    where: { active: true },
    select: { id: true, url: true, title: true, etag: true, lastModified: true },
    orderBy: { id: "asc" },
  });
  const queue = [...feeds];
  const results: FeedRefresh[] = [];
  const lane = async () => {
    for (let feed = queue.shift(); feed; feed = queue.shift()) {
      const fetched = await fetchFeed(feed.url, { ...feed, timeoutMs: options.timeoutMs }).catch((error: unknown) => {
        if (error instanceof FeedFetchError) return error;
        throw error;
      });
      results.push(await recordFetch(db, feed, fetched, options.now));
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(options.concurrency, feeds.length)) }, lane);
  const settled = await Promise.allSettled(lanes);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
  return results.sort((a, b) => a.feedId - b.feedId);
}
