import { normalizeKey } from "../text/normalize-key.ts";

/**
 * A place or theme name reduced to letters and digits, for matching what people type
 * against what is on record: « Cote d'Argent » and « Côte d’Argent », « dax 2 » and
 * « Dax-2 », « SPORTS ET LOISIRS » and « Sports et loisirs » share a key.
 */
export function labelKey(text: string): string {
  return normalizeKey(text).replace(/[^a-z0-9]+/g, "");
}
