import { formatDate, formatDateTime } from "../../domain/dates/format-date.ts";

/**
 * `18 h 00` in Europe/Paris. Taken from `formatDateTime` rather than formatted again, so
 * an hour always reads the same in a date and on its own.
 */
export function formatTime(date: Date): string {
  return formatDateTime(date).slice(formatDate(date).length + " à ".length);
}
