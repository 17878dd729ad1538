import type { Db } from "../../prisma/create-db.ts";
import { FeedFetchError, type FetchedFeed } from "./fetch-feed.ts";
import type { FeedEntry } from "./parse-feed.ts";

/** What one fetch of one feed gave. */
export interface FeedRefresh {
  feedId: number;
  url: string;
  outcome: "new" | "not-modified" | "error";
  /** Articles recorded for the first time. */
  added: number;
  /** The French reason when the feed could not be read. */
  error: string | null;
}

/** The dedupe key of a feed's article (see FeedItem.key). */
export function feedItemKey(feedId: number, guid: string): string {
  return `${feedId}:${guid}`;
}

/**
 * Records the result of a fetch on the feed row (status, error, validators) and keeps
 * the articles not seen before: the unique key drops the ones already there, so a
 * feed read twice (or by two workers) records each article once.
 */
export async function recordFetch(
  db: Db,
  feed: { id: number; url: string; title: string | null },
  result: FetchedFeed | FeedFetchError,
  now: Date,
): Promise<FeedRefresh> {
  const base = { feedId: feed.id, url: feed.url };
  if (result instanceof FeedFetchError) {
    await db.feed.update({
      where: { id: feed.id },
      data: { lastFetchedAt: now, lastStatus: result.status, lastError: result.message },
    });
    return { ...base, outcome: "error", added: 0, error: result.message };
  }
  if (result.status === 304) {
    await db.feed.update({ where: { id: feed.id }, data: { lastFetchedAt: now, lastStatus: 304, lastError: null } });
    return { ...base, outcome: "not-modified", added: 0, error: null };
  }
  const { count } = await db.feedItem.createMany({
    data: result.feed.entries.map((entry: FeedEntry) => ({
      key: feedItemKey(feed.id, entry.guid),
      feedId: feed.id,
      guid: entry.guid,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      publishedAt: entry.publishedAt,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  await db.feed.update({
    where: { id: feed.id },
    data: {
      title: feed.title ?? result.feed.title,
      etag: result.etag,
      lastModified: result.lastModified,
      lastFetchedAt: now,
      lastStatus: 200,
      lastError: null,
    },
  });
  return { ...base, outcome: "new", added: count, error: null };
}
