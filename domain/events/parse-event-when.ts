import { parisTime } from "../dates/paris-time.ts";

export interface WallClock {
  hour: number;
  minute: number;
}

/** `15/06/2027` (or `15-06-2027`, `15.06.2027`, `2027-06-15`) → the calendar day; null if not a real day. */
export function parseFrenchDay(text: string): { year: number; month: number; day: number } | null {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const [year, month, day] = fr
    ? [Number(fr[3]), Number(fr[2]), Number(fr[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!year) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** `18:00`, `18h`, `18h30`, `18 h 30` → hour and minute; null otherwise. */
export function parseWallClock(text: string): WallClock | null {
  const match = /^(\d{1,2})\s*(?::|h)\s*(\d{2})?$/i.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** `18:00-20:00` (or `18h-20h`, `18h à 20h`) → start and end wall-clock times. */
export function parseTimeRange(text: string): { start: WallClock; end: WallClock } | null {
  const parts = text.split(/\s*(?:-|–|à)\s*/);
  if (parts.length !== 2) return null;
  const start = parseWallClock(parts[0] ?? "");
  const end = parseWallClock(parts[1] ?? "");
  return start && end ? { start, end } : null;
}

/** The UTC instant of a Paris wall-clock time on a day (DST-correct, through `parisTime`). */
export function parisInstant(day: { year: number; month: number; day: number }, time: WallClock): Date {
  return parisTime(day.year, day.month, day.day, time.hour, time.minute);
}
