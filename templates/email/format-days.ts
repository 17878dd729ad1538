/** `1 jour`, `12 jours` (French keeps 0 and 1 singular). */
export function formatDays(count: number): string {
  return `${count}\u00a0${Math.abs(count) < 2 ? "jour" : "jours"}`;
}
