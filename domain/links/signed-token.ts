import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Compact signed tokens for links in e-mails (unsubscribe, RSVP): `payload.signature`,
 * both base64url, HMAC-SHA256 with the deployment secret. Not encrypted: put ids in
 * them, never personal data beyond what the link's recipient already knows.
 */
export function signToken(secret: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

export type TokenCheck<T> = { ok: true; payload: T } | { ok: false; reason: "malformed" | "forged" | "expired" };

/** Checks the signature, then `exp` (epoch seconds) when present. */
export function verifyToken<T extends Record<string, unknown>>(
  secret: string,
  token: string,
  now: Date,
): TokenCheck<T> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  let payload: T;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof payload !== "object" || payload === null) return { ok: false, reason: "malformed" };
  if (typeof payload.exp === "number" && payload.exp * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}
