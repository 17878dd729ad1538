import type { Db } from "../../prisma/create-db.ts";
import type { Prisma } from "../../prisma/generated/client.ts";

/** The Setting key under which the channel of the weekly watch digest is kept. */
export const VEILLE_CHANNEL_KEY = "veille.canal";

export interface DigestChannel {
  /** The channel's conversation id, without the `;messageid=` of the thread it was chosen in. */
  conversationId: string;
  /** The Bot Framework reference to post a new message in the channel. */
  reference: Record<string, unknown>;
  chosenById: number | null;
  name: string | null;
}

/**
 * Remembers the channel a `veille canal` was typed in. Teams gives a channel message the
 * id of its thread (`19:…@thread.tacv2;messageid=…`): the digest must start a new
 * post in the channel, so the reference keeps the channel's id only, and no `activityId`
 * (which would make the digest a reply in that thread).
 */
export async function chooseDigestChannel(
  db: Db,
  input: { conversationId: string; reference: Record<string, unknown>; chosenById: number | null },
  key: string = VEILLE_CHANNEL_KEY,
): Promise<DigestChannel> {
  const conversationId = input.conversationId.split(";")[0] ?? input.conversationId;
  const { activityId: _thread, ...reference } = input.reference;
  const conversation = (reference.conversation ?? {}) as Record<string, unknown>;
  const channel: DigestChannel = {
    conversationId,
    reference: { ...reference, conversation: { ...conversation, id: conversationId } },
    chosenById: input.chosenById,
    name: typeof conversation.name === "string" ? conversation.name : null,
  };
  const value = channel as unknown as Prisma.InputJsonValue;
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  return channel;
}

/** The chosen channel, or null when nobody typed `veille canal` yet (`key`: another feature's channel, e.g. the results'). */
export async function findDigestChannel(db: Db, key: string = VEILLE_CHANNEL_KEY): Promise<DigestChannel | null> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  return (row?.value as DigestChannel | undefined) ?? null;
}

/** Forgets the channel (the bot was removed from it): the digest waits for a new `veille canal`. */
export async function forgetDigestChannel(db: Db, key: string = VEILLE_CHANNEL_KEY): Promise<void> {
  await db.setting.deleteMany({ where: { key } });
}
