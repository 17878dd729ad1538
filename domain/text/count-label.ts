/**
 * « 1 lauréat », « 12 lauréats », « 0 lauréat » (French takes the singular below 2), with
 * the number written the French way (« 1 234 »). `plural` defaults to `singular` + s.
 */
export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("fr-FR")} ${Math.abs(n) < 2 ? singular : plural}`;
}
