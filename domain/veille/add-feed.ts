import type { Db } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";
import { FeedFetchError, fetchFeed } from "./fetch-feed.ts";
import { type FeedRefresh, recordFetch } from "./record-fetch.ts";

export interface AddFeedInput {
  url: string;
  agentId: number | null;
  now: Date;
  timeoutMs: number;
}

/**
 * Follows a feed after reading it once: an address that is no RSS or Atom feed is
 * refused in French and nothing is written; its articles are recorded at once so
 * `veille` shows them. A feed removed earlier is followed again (its history kept).
 */
export async function addFeed(db: Db, input: AddFeedInput): Promise<{ title: string | null; refresh: FeedRefresh }> {
  const existing = await db.feed.findUnique({ where: { url: input.url }, select: { id: true, active: true } });
  if (existing?.active) throw new DomainError("FEED_ALREADY_FOLLOWED", { url: input.url });
  let fetched: Awaited<ReturnType<typeof fetchFeed>>;
  try {
    fetched = await fetchFeed(input.url, { timeoutMs: input.timeoutMs });
  } catch (error) {
    if (error instanceof FeedFetchError)
      throw new DomainError("FEED_UNREADABLE", { url: input.url, reason: error.message });
    throw error;
  }
  const title = fetched.status === 200 ? fetched.feed.title : null;
  const feed = await db.feed.upsert({
    where: { url: input.url },
    create: { url: input.url, title, addedById: input.agentId, createdAt: input.now },
    update: { active: true, title: title ?? undefined, etag: null, lastModified: null },
    select: { id: true, url: true, title: true },
  });
  return { title: feed.title, refresh: await recordFetch(db, feed, fetched, input.now) };
}
