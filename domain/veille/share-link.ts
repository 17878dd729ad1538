import type { Db } from "../../prisma/create-db.ts";

export interface SharedLinkInput {
  url: string;
  note: string;
  agentId: number | null;
  now: Date;
}

/** "lien:<url>": a shared link has no feed, so its dedupe key is its address. */
export function sharedLinkKey(url: string): string {
  return `lien:${url}`;
}

/**
 * Keeps a link an agent shares by hand, with their note, for the weekly digest. The
 * page is not fetched (no request to an arbitrary site from a chat message): the
 * address is its title. A link shared twice is kept once; the first sharing is returned.
 */
export async function shareLink(
  db: Db,
  input: SharedLinkInput,
): Promise<{ created: boolean; note: string | null; createdAt: Date }> {
  const key = sharedLinkKey(input.url);
  const { count } = await db.feedItem.createMany({
    data: [
      {
        key,
        guid: input.url,
        url: input.url,
        title: input.url,
        note: input.note || null,
        sharedById: input.agentId,
        createdAt: input.now,
      },
    ],
    skipDuplicates: true,
  });
  const item = await db.feedItem.findUniqueOrThrow({ where: { key }, select: { note: true, createdAt: true } });
  return { created: count === 1, ...item };
}
