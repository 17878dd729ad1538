import { memoByNumber } from "../text/memo-by-number.ts";

const euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const formatCents = memoByNumber((cents) => euroFormat.format(cents / 100));

/** `123450` cents → `1 234,50 €` (U+202F between digit groups, U+00A0 before €). */
export function formatEuros(cents: number): string {
  return formatCents(cents);
}
