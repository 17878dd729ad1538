import type { ProjectSearchIndex } from "./project-search-index.ts";
import { keepHeld } from "./slot-bitmap.ts";
import { intersection } from "./sorted-slots.ts";

/**
 * `found ∩ list` (a posting list of `index`), sorted: each of `found` tested against the
 * list's bitmap when it has one and is not much shorter (a merge would read both);
 * galloping through the longer one otherwise. Written to `out` when given (as long as
 * `found`, and neither list).
 */
export function narrowSlots(
  index: ProjectSearchIndex,
  found: Int32Array,
  list: Int32Array,
  out?: Int32Array,
): Int32Array {
  const bitmap = list.length * 4 >= found.length ? index.bitmapOf(list) : null;
  return bitmap ? keepHeld(found, bitmap, out) : intersection(found, list, out);
}
