import { signToken, verifyToken } from "../links/signed-token.ts";
import type { ReportFormat } from "./report-file-name.ts";

/** How long a download link from the `rapport` card works. */
export const REPORT_LINK_HOURS = 24;

/** What a report download link carries: no file, only what regenerates it. */
export interface ReportTokenPayload {
  kind: "report";
  /** Null: every edition. */
  edition: number | null;
  format: ReportFormat;
  /** Who asked, for the workbook's « Informations » sheet (the link's recipient). */
  by: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

/** Signs a link valid `REPORT_LINK_HOURS` from `now`. */
export function signReportToken(
  secret: string,
  request: { edition: number | null; format: ReportFormat; by: string },
  now: Date,
): string {
  const payload: ReportTokenPayload = {
    kind: "report",
    ...request,
    exp: Math.floor(now.getTime() / 1000) + REPORT_LINK_HOURS * 3600,
  };
  return signToken(secret, { ...payload });
}

export type ReportTokenCheck =
  | { ok: true; payload: ReportTokenPayload }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

/**
 * Checks a download token: signature, expiry, and that it is a report token (a token
 * signed for another purpose, an unsubscribe link for instance, is refused as forged).
 */
export function readReportToken(secret: string, token: string, now: Date): ReportTokenCheck {
  const check = verifyToken<Record<string, unknown>>(secret, token, now);
  if (!check.ok) return check;
  const { kind, edition, format, by, exp } = check.payload;
  const valid =
    kind === "report" &&
    (edition === null || Number.isInteger(edition)) &&
    (format === "xlsx" || format === "csv") &&
    typeof by === "string" &&
    typeof exp === "number";
  if (!valid) return { ok: false, reason: "forged" };
  return { ok: true, payload: { kind, edition: edition as number | null, format, by, exp } };
}
