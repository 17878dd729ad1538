/**
 * Europe/Paris wall-clock dates turned into UTC instants, the way the agents think of
 * them ("le 10 décembre à 18 h") and the way the database stores them (UTC).
 * Handles daylight-saving changes through Intl, with no date library.
 */
const TIME_ZONE = "Europe/Paris";
const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function wallClock(instant: Date): CalendarDay & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of Paris from UTC at that instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  const w = wallClock(new Date(instant));
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of a Paris wall-clock time (month 1-12). */
export function parisTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  // The offset is read at a first estimate, then again at the result, so a time just
  // after a daylight-saving change gets the offset in force at that time.
  const estimate = guess - offsetAt(guess);
  return new Date(guess - offsetAt(estimate));
}

/** The Paris calendar day an instant falls on. */
export function parisDay(instant: Date): CalendarDay {
  const { year, month, day } = wallClock(instant);
  return { year, month, day };
}

/** `days` calendar days after the Paris day of `from` (negative: before), at `hour:minute` Paris time. */
export function parisDaysFrom(from: Date, days: number, hour = 0, minute = 0): Date {
  const { year, month, day } = parisDay(from);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return parisTime(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), hour, minute);
}

/** The calendar date (for `@db.Date` columns): midnight UTC of that Paris day. */
export function dateOnly(instant: Date): Date {
  const { year, month, day } = parisDay(instant);
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** `2026-11-28`: the Paris calendar day, as used in idempotency keys and day comparisons. */
export function parisDayKey(instant: Date): string {
  const { year, month, day } = parisDay(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole Paris calendar days from `from` to `to` (negative when `to` is earlier), whatever the DST changes. */
export function parisDaysBetween(from: Date, to: Date): number {
  const a = parisDay(from);
  const b = parisDay(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}
