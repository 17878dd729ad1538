import { signToken, verifyToken } from "./signed-token.ts";

/** A download link for a file generated on demand: the convention document or an Astre export. */
export type FileTokenPayload =
  | { kind: "agreement"; agreementId: number; exp: number }
  | { kind: "astre"; edition: number; exp: number }
  | { kind: "astre"; from: string; to: string; exp: number };

type Unsigned = FileTokenPayload extends infer P ? (P extends { exp: number } ? Omit<P, "exp"> : never) : never;

/** Signs a link valid `hours` from `now` (24 h for agents in Teams, longer in a porteur's e-mail). */
export function signFileToken(secret: string, request: Unsigned, now: Date, hours: number): string {
  return signToken(secret, { ...request, exp: Math.floor(now.getTime() / 1000) + hours * 3600 });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The payload of a genuine, unexpired file token; `"expired"` for a genuine one of ours
 * past its expiry (so the refusal names the right command); null otherwise (forged, or a
 * token of another kind: the report route then gives its refusal).
 */
export function readFileToken(secret: string, token: string, now: Date): FileTokenPayload | "expired" | null {
  const check = verifyToken<Record<string, unknown>>(secret, token, now);
  if (!check.ok) {
    // `expired` is only reported once the signature is checked: the payload is ours to read.
    if (check.reason !== "expired") return null;
    const past = verifyToken<Record<string, unknown>>(secret, token, new Date(0));
    return past.ok && (past.payload.kind === "agreement" || past.payload.kind === "astre") ? "expired" : null;
  }
  const p = check.payload;
  if (typeof p.exp !== "number") return null;
  if (p.kind === "agreement" && Number.isInteger(p.agreementId)) {
    return { kind: "agreement", agreementId: p.agreementId as number, exp: p.exp };
  }
  if (p.kind === "astre" && Number.isInteger(p.edition))
    return { kind: "astre", edition: p.edition as number, exp: p.exp };
  if (
    p.kind === "astre" &&
    typeof p.from === "string" &&
    DAY.test(p.from) &&
    typeof p.to === "string" &&
    DAY.test(p.to)
  ) {
    return { kind: "astre", from: p.from, to: p.to, exp: p.exp };
  }
  return null;
}
