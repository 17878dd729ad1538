import { formatDate, formatDateTime } from "../../domain/dates/format-date.ts";
import { formatTime } from "./format-time.ts";

/**
 * `samedi 14 juin 2025, de 11 h 00 à 13 h 00`, or `du … au …` when the event spans
 * several days (days compared in Europe/Paris, where the event takes place).
 */
export function formatEventPeriod(startsAt: Date, endsAt: Date): string {
  if (formatDate(startsAt) === formatDate(endsAt)) {
    return `${formatDate(startsAt)}, de ${formatTime(startsAt)} à ${formatTime(endsAt)}`;
  }
  return `du ${formatDateTime(startsAt)} au ${formatDateTime(endsAt)}`;
}
