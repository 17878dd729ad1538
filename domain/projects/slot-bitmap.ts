/**
 * A set of slots as one bit per slot (slot s is bit s & 31 of word s >>> 5): asking whether
 * it holds a slot is one read, where a sorted list needs a search. Worth it for long posting
 * lists, whose bitmap is no larger than the list.
 */

/** The bitmap of a sorted list of slots (its last slot is the largest). */
export function toSlotBitmap(list: Int32Array): Uint32Array {
  if (list.length === 0) return new Uint32Array(0);
  const bitmap = new Uint32Array(((list[list.length - 1] as number) >>> 5) + 1);
  for (let i = 0; i < list.length; i++) {
    const slot = list[i] as number;
    bitmap[slot >>> 5] = (bitmap[slot >>> 5] as number) | (1 << (slot & 31));
  }
  return bitmap;
}

/** True when the bitmap holds `slot`. */
export function holdsSlot(bitmap: Uint32Array, slot: number): boolean {
  const word = slot >>> 5;
  return word < bitmap.length && (((bitmap[word] as number) >>> (slot & 31)) & 1) === 1;
}

/** The slots of `slots` the bitmap holds, in their order, written to `out` (as long as `slots`; may be `slots` itself). */
export function keepHeld(
  slots: Int32Array,
  bitmap: Uint32Array,
  out: Int32Array = new Int32Array(slots.length),
): Int32Array {
  let n = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as number;
    if (holdsSlot(bitmap, slot)) out[n++] = slot;
  }
  return out.subarray(0, n);
}
