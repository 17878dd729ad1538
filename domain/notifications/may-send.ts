import type { DbTx } from "../../prisma/create-db.ts";

/**
 * Whether a non-essential e-mail may go to this address: not after a one-click
 * unsubscribe, and to a porteur only with their consent (RGPD). Essential
 * administrative notices do not ask.
 */
export async function maySendNonEssential(db: DbTx, email: string): Promise<{ ok: boolean; reason?: string }> {
  const address = email.trim().toLowerCase();
  const optOut = await db.emailOptOut.findUnique({ where: { email: address }, select: { id: true } });
  if (optOut) return { ok: false, reason: "désinscrit des e-mails non essentiels" };
  const holder = await db.holder.findFirst({
    where: { email: { equals: address, mode: "insensitive" } },
    select: { emailConsent: true, unsubscribedAt: true },
  });
  if (holder && (!holder.emailConsent || holder.unsubscribedAt)) {
    return { ok: false, reason: "porteur sans consentement aux e-mails non essentiels" };
  }
  return { ok: true };
}
