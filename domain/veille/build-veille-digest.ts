import type { Db } from "../../prisma/create-db.ts";
import { agentNames } from "./list-veille.ts";

export interface VeilleDigestGroup {
  feed: string;
  items: Array<{ title: string; url: string; publishedAt: Date | null }>;
  /** Articles beyond the ones listed (a new feed can bring dozens at once). */
  more: number;
}

export interface VeilleDigest {
  since: Date;
  until: Date;
  groups: VeilleDigestGroup[];
  shared: Array<{ url: string; note: string | null; sharedBy: string | null }>;
}

const PER_FEED = 8;
const WEEK_MS = 7 * 86_400_000;
const LAST_SENT_KEY = "veille.synthese";

/**
 * The articles and shared links recorded since the last digest sent (a week at most),
 * grouped by feed. Reading from the last one sent, not "the last 7 days", means a
 * retried job finds nothing left to send and a missed Monday is caught up.
 */
export async function buildVeilleDigest(db: Db, now: Date): Promise<VeilleDigest> {
  const setting = await db.setting.findUnique({ where: { key: LAST_SENT_KEY }, select: { value: true } });
  const lastSent = (setting?.value as { lastSentAt?: string } | undefined)?.lastSentAt;
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const since = lastSent && new Date(lastSent) > weekAgo ? new Date(lastSent) : weekAgo;
  const rows = await db.feedItem.findMany({
    where: { createdAt: { gt: since, lte: now } },
    select: {
      title: true,
      url: true,
      note: true,
      sharedById: true,
      publishedAt: true,
      feed: { select: { title: true, url: true } },
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  });
  const groups = new Map<string, VeilleDigestGroup>();
  for (const row of rows) {
    if (!row.feed) continue;
    const name = row.feed.title ?? row.feed.url;
    const group = groups.get(name) ?? { feed: name, items: [], more: 0 };
    if (group.items.length < PER_FEED)
      group.items.push({ title: row.title, url: row.url, publishedAt: row.publishedAt });
    else group.more += 1;
    groups.set(name, group);
  }
  const sharedRows = rows.filter((r) => !r.feed);
  const names = await agentNames(
    db,
    sharedRows.map((r) => r.sharedById),
  );
  return {
    since,
    until: now,
    groups: [...groups.values()].sort((a, b) => a.feed.localeCompare(b.feed, "fr")),
    shared: sharedRows.map((r) => ({
      url: r.url,
      note: r.note,
      sharedBy: r.sharedById === null ? null : (names.get(r.sharedById) ?? null),
    })),
  };
}

/** Remembers that the digest up to `until` went out (the next one starts there). */
export async function markVeilleDigestSent(db: Db, until: Date): Promise<void> {
  const value = { lastSentAt: until.toISOString() };
  await db.setting.upsert({ where: { key: LAST_SENT_KEY }, create: { key: LAST_SENT_KEY, value }, update: { value } });
}
