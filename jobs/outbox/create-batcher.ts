/** One call of a batched operation, answered with the result for its own item. */
export type Batched<T, R> = (item: T) => Promise<R>;

export interface BatcherOptions {
  /** Largest batch. */
  max?: number;
  /** How long the first caller waits for others (0: only the callers of the same turn). */
  waitMs?: number;
}

/**
 * Group commit for the e-mail worker's database round trips: a batch starts when the
 * first caller has waited `waitMs` (or `max` callers are there), and whoever calls while
 * it runs goes in the next one. Under load one query serves many concurrent jobs, where
 * one SELECT and one UPDATE per e-mail cost as much as the SMTP exchange. `run` answers
 * the items in order; when it throws, every caller of that batch gets the error.
 */
export function createBatcher<T, R>(
  run: (items: T[]) => Promise<R[]>,
  { max = 100, waitMs = 0 }: BatcherOptions = {},
): Batched<T, R> {
  const waiting: Array<{ item: T; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  let timer: NodeJS.Timeout | null = null;
  let scheduled = false;
  let running = false;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    scheduled = false;
    running = true;
    const batch = waiting.splice(0, max);
    try {
      const results = await run(batch.map((entry) => entry.item));
      for (const [i, entry] of batch.entries()) entry.resolve(results[i] as R);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      running = false;
      schedule();
    }
  };
  const schedule = () => {
    if (running || waiting.length === 0) return;
    if (timer && waiting.length >= max) {
      // Full before the wait is over: go now.
      clearTimeout(timer);
      timer = null;
      scheduled = false;
    }
    if (scheduled) return;
    scheduled = true;
    if (waitMs > 0 && waiting.length < max) timer = setTimeout(flush, waitMs);
    else setImmediate(flush);
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      schedule();
    });
}
