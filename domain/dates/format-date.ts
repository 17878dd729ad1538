import { memoByNumber } from "../text/memo-by-number.ts";

export const PARIS = "Europe/Paris";

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, hour: "2-digit", minute: "2-digit" });
const shortFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

const MINUTE_MS = 60_000;
const day = memoByNumber((ms) => dayFormat.format(ms).replace(/^(\S+ )1 /, "$11er "));
// Seconds are not shown: one entry per minute.
const dayAndTime = memoByNumber((minute) => {
  const [hours, minutes] = timeFormat.format(minute * MINUTE_MS).split(":");
  return `${day(minute * MINUTE_MS)} à ${hours} h ${minutes}`;
});
const short = memoByNumber((ms) => shortFormat.format(ms));

/** `mardi 3 juin 2025`, `mardi 1er juillet 2025`, in Europe/Paris. */
export function formatDate(date: Date): string {
  return day(date.getTime());
}

/** `mardi 3 juin 2025 à 18 h 00`, in Europe/Paris. */
export function formatDateTime(date: Date): string {
  return dayAndTime(Math.floor(date.getTime() / MINUTE_MS));
}

/** `03/06/2025`, in Europe/Paris (for tables and lists). */
export function formatShortDate(date: Date): string {
  return short(date.getTime());
}
