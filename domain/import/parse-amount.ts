import { type EurosResult, parseEuros } from "../money/parse-euros.ts";

export type AmountResult = EurosResult;

/** Largest amount a cents column holds (PostgreSQL integer): 21 474 836,47 €. */
const MAX_CENTS = 2_147_483_647;

/**
 * The import's reading of an amount cell: `parseEuros` (the one parser of typed amounts)
 * with the import's policy: a nil awarded amount is refused, the ceiling is the column's,
 * and a text cell with a dot is refused (`25.400` is 25 400 € in Germany and 25,40 € in
 * England; a French sheet writes commas, and number cells come as numbers).
 */
export function parseAmount(value: string | number): AmountResult {
  return parseEuros(value, { maxCents: MAX_CENTS, dots: false });
}
