import type { Db } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";

/**
 * Stops reading a feed; its articles stay (earlier digests mention them) and
 * `veille ajouter` follows it again. Throws FEED_NOT_FOUND for an unknown address.
 */
export async function removeFeed(db: Db, url: string): Promise<{ title: string | null }> {
  const feed = await db.feed.findUnique({ where: { url }, select: { id: true, active: true, title: true } });
  if (!feed?.active) throw new DomainError("FEED_NOT_FOUND", { url });
  await db.feed.update({ where: { id: feed.id }, data: { active: false } });
  return { title: feed.title };
}
