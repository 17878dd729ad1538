import { addDays, parisDaysFrom } from "../../domain/dates/paris-time.ts";
import type { Rng } from "./prng.ts";

const HOUR_MS = 3_600_000;

/**
 * Places the milestones of a project's follow-up in time: office hours on Paris days,
 * each after the previous one and, for what has already happened, before `now`.
 * Every call draws the same number of random values whatever `now` is, so the rest of
 * the demo (amounts, names) does not change with the day the seed runs.
 */
export class Timeline {
  constructor(
    private readonly rng: Rng,
    readonly now: Date,
  ) {}

  /** During office hours on the Paris day `days` after `from`. */
  at(from: Date, days: number): Date {
    return parisDaysFrom(from, days, this.rng.int(9, 17), this.rng.pick([0, 15, 30, 45]));
  }

  /** Between `minDays` and `maxDays` after `previous`, never after `cap` (default: one hour before now). */
  after(previous: Date, minDays: number, maxDays: number, cap: Date | null = this.pastCap()): Date {
    let date = this.at(previous, this.rng.int(minDays, maxDays));
    if (date <= previous) date = new Date(previous.getTime() + HOUR_MS);
    if (cap && date > cap) date = midpoint(previous, cap);
    return date;
  }

  /** Between `minDays` and `maxDays` before `next`, never before `floor`. */
  before(next: Date, minDays: number, maxDays: number, floor: Date): Date {
    let date = this.at(next, -this.rng.int(minDays, maxDays));
    if (date >= next) date = new Date(next.getTime() - HOUR_MS);
    if (date < floor) date = midpoint(floor, next);
    return date;
  }

  /** `days` from today (negative: ago), during office hours. */
  fromNow(days: number): Date {
    return this.at(this.now, days);
  }

  /** Midnight (Paris) starting the day `days` from today: due dates are whole days. */
  dayFromNow(days: number): Date {
    return parisDaysFrom(this.now, days, 0, 0);
  }

  /** One hour before now: the latest moment something already done can carry. */
  pastCap(): Date {
    return new Date(this.now.getTime() - HOUR_MS);
  }

  /** One year after, the due date of the bilan n+1 (midnight, Paris). */
  static yearAfter(date: Date): Date {
    return parisDaysFrom(addDays(date, 365), 0, 0, 0);
  }
}

function midpoint(a: Date, b: Date): Date {
  if (b <= a) return new Date(a.getTime() + HOUR_MS);
  return new Date(Math.floor((a.getTime() + b.getTime()) / 2));
}
