import { DomainError } from "../errors/domain-error.ts";
import { formatDate } from "./format-date.ts";
import { parisTime } from "./paris-time.ts";

/**
 * A day typed by an agent, `12/03/2026` (or `12/3/2026`, `12-03-2026`), as noon Paris
 * time that day: noon keeps the instant on the same Paris day whatever the offset, so the
 * day shown back and exported is the day typed. Throws `DATE_INVALID` for anything else,
 * including a day that does not exist (31/02).
 */
export function parseFrenchDate(text: string): Date {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) throw new DomainError("DATE_INVALID", { value: text.trim().slice(0, 30) });
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) {
    throw new DomainError("DATE_INVALID", { value: text.trim().slice(0, 30) });
  }
  return parisTime(year, month, day, 12);
}

/** Refuses a day after today (Paris): money is not sent, nor a convention signed, tomorrow. */
export function assertNotInFuture(date: Date, now: Date): void {
  if (date.getTime() > now.getTime() && formatDate(date) !== formatDate(now)) {
    throw new DomainError("DATE_IN_FUTURE", { date: formatDate(date) });
  }
}
