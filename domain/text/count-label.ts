import { memoByNumber } from "./memo-by-number.ts";

/** A whole number written the French way (« 1 234 », narrow no-break space), remembered by value. */
export const formatCount = memoByNumber((n) => n.toLocaleString("fr-FR"));

/**
 * « 1 lauréat », « 12 lauréats », « 0 lauréat » (French takes the singular below 2), with
 * the number written the French way (« 1 234 »). `plural` defaults to `singular` + s.
 */
export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${Math.abs(n) < 2 ? singular : plural}`;
}
