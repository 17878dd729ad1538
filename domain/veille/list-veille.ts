import type { Db } from "../../prisma/create-db.ts";

export interface VeilleItem {
  title: string;
  url: string;
  /** The feed's title (or address); null for a link shared by hand. */
  feed: string | null;
  note: string | null;
  sharedBy: string | null;
  publishedAt: Date | null;
  createdAt: Date;
}

export interface VeilleFeed {
  url: string;
  title: string | null;
  lastFetchedAt: Date | null;
  lastError: string | null;
}

/** Agents' names by id, for the links they shared (FeedItem.sharedById has no relation). */
export async function agentNames(db: Db, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const agents = await db.agent.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(agents.map((a) => [a.id, a.name]));
}

/** What `veille` shows: the latest articles and shared links, and the feeds followed with their state. */
export async function listVeille(db: Db, limit = 10): Promise<{ items: VeilleItem[]; feeds: VeilleFeed[] }> {
  const rows = await db.feedItem.findMany({
    where: { OR: [{ feedId: null }, { feed: { active: true } }] },
    select: {
      title: true,
      url: true,
      note: true,
      sharedById: true,
      publishedAt: true,
      createdAt: true,
      feed: { select: { title: true, url: true } },
    },
    orderBy: [{ createdAt: "desc" }, { publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: limit,
  });
  const names = await agentNames(
    db,
    rows.map((r) => r.sharedById),
  );
  const feeds = await db.feed.findMany({
    where: { active: true },
    select: { url: true, title: true, lastFetchedAt: true, lastError: true },
    orderBy: [{ title: "asc" }, { url: "asc" }],
  });
  return {
    items: rows.map((r) => ({
      title: r.title,
      url: r.url,
      feed: r.feed ? (r.feed.title ?? r.feed.url) : null,
      note: r.note,
      sharedBy: r.sharedById === null ? null : (names.get(r.sharedById) ?? null),
      publishedAt: r.publishedAt,
      createdAt: r.createdAt,
    })),
    feeds,
  };
}
