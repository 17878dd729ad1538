/**
 * Puts text on one line: control characters (CR, LF, tab…) and Unicode line or paragraph
 * separators become a space, runs of spaces shrink to one. No-break spaces are kept: they
 * are part of French typography (`1 234,50 €`, `« titre »`).
 */
export function toOneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}
