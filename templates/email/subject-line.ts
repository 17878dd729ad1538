import { shorten } from "./shorten.ts";

/** Longest subject we send: mail clients show about 40 to 80 characters, we keep a margin. */
export const MAX_SUBJECT_LENGTH = 150;

/**
 * The final guard on every subject, whatever the template did: one line (a CR/LF from a
 * project title would otherwise start a new mail header), at most 150 characters.
 */
export function toSubjectLine(raw: string): string {
  return shorten(raw, MAX_SUBJECT_LENGTH);
}
