import * as z from "zod";
import { toOneLine } from "./to-one-line.ts";

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** True when the calendar date exists (`2025-02-30` does not, though `Date` would roll it over). */
function isRealDay(iso: string): boolean {
  const day = iso.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * The field shapes the outbox payloads are made of, with French messages for the agent
 * who reads why a notification failed.
 */
export const payloadFields = {
  /**
   * A name, title or reference shown on one line. Line breaks and control characters
   * coming from data (a title typed with a CRLF) collapse to a space here, so they can
   * reach neither a subject nor the middle of a sentence.
   */
  line: (maxLength: number) =>
    z
      .string()
      .overwrite(toOneLine)
      .min(1, "ne doit pas être vide")
      .max(maxLength, `ne doit pas dépasser ${maxLength} caractères`),

  /** Free text written by an agent (a comment, next steps): line breaks kept, other controls removed. */
  text: (maxLength: number) =>
    z
      .string()
      .overwrite((value) =>
        value
          .replace(/\r\n?/g, "\n")
          .replace(/\p{Cc}/gu, (char) => (char === "\n" ? char : " "))
          .replace(/\n{3,}/g, "\n\n")
          .trim(),
      )
      .min(1, "ne doit pas être vide")
      .max(maxLength, `ne doit pas dépasser ${maxLength} caractères`),

  /** An amount in integer cents (`123450` for 1 234,50 €), as stored everywhere. */
  cents: () =>
    z.number().int("un montant entier en centimes est attendu").nonnegative("le montant ne peut pas être négatif"),

  /** A strictly positive amount in cents (what is awarded, sent or signed). */
  positiveCents: () =>
    z.number().int("un montant entier en centimes est attendu").positive("le montant doit être supérieur à zéro"),

  /**
   * A date from the payload: ISO `2025-06-03`, or a date-time with its offset
   * (`2025-06-03T16:00:00Z`). A time without offset is refused: around a daylight-saving
   * change it would be ambiguous.
   */
  date: () =>
    z
      .string()
      .regex(ISO_DATE, "une date ISO est attendue, par exemple 2025-06-03 ou 2025-06-03T16:00:00Z")
      .refine(isRealDay, "cette date n'existe pas")
      .transform((value) => new Date(value)),

  /** A link put in the e-mail: http(s) only, so no `javascript:` or `data:` link can slip in. */
  url: () => z.url({ protocol: /^https?$/, error: "un lien http:// ou https:// est attendu" }).max(2000),

  /** A small whole number (days, reminder count). */
  count: (min: number, max: number) =>
    z
      .number()
      .int("un nombre entier est attendu")
      .min(min, `doit être au moins ${min}`)
      .max(max, `doit être au plus ${max}`),
};
