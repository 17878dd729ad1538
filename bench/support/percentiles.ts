/** p-th percentile (0-100) of the values, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * The p-th percentile ratio of `ours` to `floor`, round by round (`ours[i]` measured right
 * after `floor[i]`): how far one round's verdict may stray from the pooled one on a noisy
 * machine. Rounds where either side has no latency are left out.
 */
export function roundRatios(floor: readonly number[][], ours: readonly number[][], p: number): number[] {
  return floor.flatMap((latencies, i) => {
    const mine = ours[i] ?? [];
    if (latencies.length === 0 || mine.length === 0) return [];
    return [percentile(mine, p) / percentile(latencies, p)];
  });
}

/** « 1.12–1.87 », the smallest and largest of `ratios`; « — » when there is none. */
export function ratioSpread(ratios: readonly number[]): string {
  if (ratios.length === 0) return "—";
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}
