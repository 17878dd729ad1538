/** Sorted lists of slots (posting lists): union, merge, intersection, search. */

/** The sorted union of sorted lists (merged two by two, shortest first). */
export function unionOf(lists: Int32Array[]): Int32Array {
  const queue = lists.filter((list) => list.length > 0).sort((a, b) => a.length - b.length);
  while (queue.length > 1) {
    const merged = mergeSorted(queue.shift() as Int32Array, queue.shift() as Int32Array);
    const at = queue.findIndex((list) => list.length > merged.length);
    queue.splice(at < 0 ? queue.length : at, 0, merged);
  }
  return queue[0] ?? new Int32Array(0);
}

/** One sorted list of the slots of both (a slot in both once). */
export function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    out[n++] = Math.min(x, y);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.subarray(0, n);
}

/**
 * The slots in both sorted lists: a walk of the shorter one, galloping through the longer.
 * Written to `out` (as long as the shorter list, and neither of them).
 */
export function intersection(a: Int32Array, b: Int32Array, out?: Int32Array): Int32Array {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  out ??= new Int32Array(short.length);
  let n = 0;
  let from = 0;
  if (long.length < short.length * 8) {
    // Close sizes: a plain merge reads both in order.
    for (let i = 0; i < short.length && from < long.length; i++) {
      const x = short[i] as number;
      while (from < long.length && (long[from] as number) < x) from++;
      if (long[from] === x) out[n++] = x;
    }
    return out.subarray(0, n);
  }
  for (let i = 0; i < short.length && from < long.length; i++) {
    const x = short[i] as number;
    from = seek(long, from, x);
    if (from < long.length && long[from] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** The first position at or after `from` whose value is not below `value` (galloping, then bisecting). */
export function seek(list: Int32Array, from: number, value: number): number {
  let step = 1;
  let high = from;
  while (high < list.length && (list[high] as number) < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const middle = (from + high) >>> 1;
    if ((list[middle] as number) < value) from = middle + 1;
    else high = middle;
  }
  return from;
}
