import type { Db } from "../../prisma/create-db.ts";
import { verifyToken } from "../links/signed-token.ts";

export type UnsubscribeResult = { ok: true; email: string } | { ok: false; reason: "malformed" | "forged" | "expired" };

/**
 * One-click unsubscribe (RFC 8058) from non-essential e-mails: records the address
 * (and the porteur's withdrawal of consent). Essential administrative notices go on.
 * Idempotent: a second click changes nothing.
 */
export async function unsubscribe(db: Db, secret: string, token: string, now: Date): Promise<UnsubscribeResult> {
  const check = verifyToken<{ u?: unknown }>(secret, token, now);
  if (!check.ok) return check;
  const email = typeof check.payload.u === "string" ? check.payload.u.toLowerCase() : null;
  if (!email) return { ok: false, reason: "malformed" };
  await db.$transaction(async (tx) => {
    await tx.emailOptOut.upsert({ where: { email }, create: { email, at: now }, update: {} });
    await tx.holder.updateMany({
      where: { email: { equals: email, mode: "insensitive" }, unsubscribedAt: null },
      data: { unsubscribedAt: now },
    });
  });
  return { ok: true, email };
}
