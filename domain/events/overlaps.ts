/** A stretch of time, `[startsAt, endsAt)`. */
export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Whether two bookings share any instant. Half-open: an event ending at 20:00 leaves
 * the room free for one starting at 20:00. Instants are UTC, so DST changes cannot
 * make two bookings look apart or together.
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}
