/**
 * Typed arrays a search reuses from one call to the next instead of allocating them: each
 * `new Int32Array(n)` past 16 numbers is memory outside V8's heap (allocated, registered,
 * then swept), which costs more than the loop that fills it. A search runs to its end
 * without yielding (no await), so one set per thread is enough; what a search returns
 * never points into them. A buffer keeps the largest size asked for: at most a power of two
 * above the number of projects (for 100 000: 512 Kio per Int32Array, 1 Mio per Float64Array).
 */
export class ScratchSlots {
  private readonly ints: Int32Array[] = [];
  private readonly floats: Float64Array[] = [];

  /** Buffer `which` as `length` slots (zeroed when asked). Valid until the same buffer is asked for again. */
  ints32(which: number, length: number, zeroed = false): Int32Array {
    let buffer = this.ints[which];
    if (!buffer || buffer.length < length) {
      buffer = new Int32Array(grown(length));
      this.ints[which] = buffer;
    } else if (zeroed) buffer.fill(0, 0, length);
    return buffer.subarray(0, length);
  }

  /** Buffer `which` as `length` numbers (not zeroed: every one is written before it is read). */
  floats64(which: number, length: number): Float64Array {
    let buffer = this.floats[which];
    if (!buffer || buffer.length < length) {
      buffer = new Float64Array(grown(length));
      this.floats[which] = buffer;
    }
    return buffer.subarray(0, length);
  }
}

/** Room for the next searches too: a power of two, 1 024 at least. */
function grown(length: number): number {
  return Math.max(1024, 2 ** Math.ceil(Math.log2(length)));
}
