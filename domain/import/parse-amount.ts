export type AmountResult = { ok: true; cents: number } | { ok: false; reason: string };

/** Largest amount a cents column holds (PostgreSQL integer): 21 474 836,47 €. */
const MAX_CENTS = 2_147_483_647;
const EXPECTED = "attendu par exemple 25 400 €, 25400,00 ou 25 400,50";

/**
 * Reads an amount in euros the way French sheets write it, to integer cents exactly:
 * `25 400 €`, `25400,00`, `25 400,50`, `25400` (thousands separated by a space, a
 * no-break or a narrow no-break space, in groups of three; a decimal comma with one or
 * two digits; an optional `€` or `EUR`). A number cell from Excel is taken as euros
 * with at most two decimals. Anything else is refused rather than guessed: `25.400`
 * is 25 400 € in Germany and 25,40 € in England.
 */
export function parseAmount(value: string | number): AmountResult {
  if (typeof value === "number") return amountFromNumber(value);
  const text = value.replace(/[\s\u00a0\u202f]+/gu, " ").trim();
  const match = /^(\d{1,3}(?: \d{3})+|\d+)(?:,(\d{1,2}))? ?(?:€|eur|euros?)?$/iu.exec(text);
  if (!match) {
    return { ok: false, reason: text ? `montant « ${value.trim()} » illisible (${EXPECTED})` : "montant manquant" };
  }
  const euros = Number((match[1] ?? "").replace(/ /g, ""));
  const cents = euros * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  return checkRange(cents);
}

function amountFromNumber(value: number): AmountResult {
  const cents = Math.round(value * 100);
  if (!Number.isFinite(value) || Math.abs(value * 100 - cents) > 1e-6) {
    return { ok: false, reason: `montant ${String(value)} illisible (au plus deux décimales)` };
  }
  if (value < 0) return { ok: false, reason: `montant négatif (${String(value)})` };
  return checkRange(cents);
}

function checkRange(cents: number): AmountResult {
  if (cents === 0) return { ok: false, reason: "montant nul" };
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false, reason: "montant trop élevé" };
  return { ok: true, cents };
}
