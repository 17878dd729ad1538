import type { DbTx } from "../../prisma/create-db.ts";

/**
 * Forgets a conversation the bot was removed from: nothing proactive may go there any
 * more, and a new installation there is welcomed again.
 */
export async function forgetConversationReference(db: DbTx, conversationId: string): Promise<void> {
  await db.conversationReference.deleteMany({ where: { conversationId } });
}
