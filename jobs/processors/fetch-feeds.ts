import type { Logger } from "../../domain/log/create-logger.ts";
import type { FeedRefresh } from "../../domain/veille/record-fetch.ts";
import { refreshFeeds } from "../../domain/veille/refresh-feeds.ts";
import type { Db } from "../../prisma/create-db.ts";

export interface FetchFeedsDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** Per feed; 5 s unless a test says otherwise. */
  timeoutMs?: number;
  concurrency?: number;
}

/**
 * The 6-hourly read of the watch's feeds (job `fetch-feeds`). A feed in error does not
 * fail the job (its error is on the feed, shown by `veille`): retrying would only
 * hit the same sites again. Only a database failure makes the job fail and retry.
 */
export async function fetchFeeds(deps: FetchFeedsDeps): Promise<{ added: number; errors: number }> {
  const results: FeedRefresh[] = await refreshFeeds(deps.db, {
    now: deps.now(),
    timeoutMs: deps.timeoutMs ?? 5_000,
    concurrency: deps.concurrency ?? 4,
  });
  const failed = results.filter((r) => r.outcome === "error");
  for (const feed of failed) deps.logger.warn({ feedId: feed.feedId, err: feed.error }, "flux de veille illisible");
  const added = results.reduce((sum, r) => sum + r.added, 0);
  deps.logger.info({ feeds: results.length, added, errors: failed.length }, "flux de veille relus");
  return { added, errors: failed.length };
}
