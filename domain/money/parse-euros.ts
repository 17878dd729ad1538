export type EurosResult = { ok: true; cents: number } | { ok: false; reason: string };

export interface ParseEurosOptions {
  /** Whether 0 is a valid amount (an eligible amount may be nil; an awarded one may not). Default false. */
  allowZero?: boolean;
  /** Largest amount accepted, in cents. Default 10 000 000 € (far above any project: a typo guard). */
  maxCents?: number;
  /**
   * Whether a dot may appear at all (default true). The import turns it off: a text cell
   * with a dot in a French sheet comes from another locale, where dots may be thousands.
   */
  dots?: boolean;
}

/** 10 000 000 €: no project of the participatory budget comes near it. */
export const DEFAULT_MAX_CENTS = 1_000_000_000;
const EXPECTED = "attendu par exemple 25 400 €, 25400,00 ou 25 400,50";
const GROUPED = /^\d{1,3}(?: \d{3})+$/u;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/u;

/**
 * Reads an amount in euros as agents type it and French sheets write it, to exact
 * integer cents (never through a float):
 * - digits, optionally grouped by three with a space, a no-break (U+00A0) or a narrow
 *   no-break space (U+202F): `1234`, `1 234`;
 * - decimals after a comma or a dot, one or two digits: `1 234,50`, `1234,5`, `1234.5`;
 * - an optional `€`, `EUR` or `euros` at the end;
 * - thousands dots (`1.234,50`, French Excel) only together with a decimal comma, where
 *   they cannot be decimals. A lone dot followed by three digits (`1.234`) is refused as
 *   ambiguous (1 234 € or 1,234 €?), like `1.234.567`: the agent writes spaces instead.
 * Everything else is refused with a French reason naming the problem: several commas,
 * more than two decimals, a negative sign, a nil or too large amount, stray characters.
 * A number (an Excel number cell) is taken as euros with at most two decimals.
 */
export function parseEuros(value: string | number, options: ParseEurosOptions = {}): EurosResult {
  if (typeof value === "number") return fromNumber(value, options);
  const shown = value.trim();
  const text = value
    .replace(/[\s\u00a0\u202f]+/gu, " ")
    .trim()
    .replace(/ ?(?:€|eur|euros?)$/iu, "")
    .trim();
  if (!shown) return { ok: false, reason: "montant manquant" };
  const refuse = (detail: string): EurosResult => ({ ok: false, reason: `montant « ${shown} » illisible (${detail})` });
  if (/^[-−]/u.test(text)) return refuse("un montant ne peut pas être négatif");
  if (!/^[\d ,.]+$/u.test(text)) return refuse(EXPECTED);
  const dotsAllowed = options.dots ?? true;
  if (!dotsAllowed && text.includes(".")) return refuse(EXPECTED);
  const commas = text.split(",").length - 1;
  if (commas > 1) return refuse("plusieurs virgules : une seule virgule sépare les centimes, par exemple 12 345,67");

  let integer: string;
  let decimals: string;
  if (commas === 1) {
    [integer = "", decimals = ""] = text.split(",");
    integer = integer.trim();
    if (DOT_GROUPED.test(integer)) integer = integer.replace(/\./g, "");
  } else {
    const dots = text.split(".").length - 1;
    if (dots > 1) return refuse("points ambigus : écrivez les milliers avec des espaces, par exemple 1 234 567");
    [integer = "", decimals = ""] = text.split(".");
    integer = integer.trim();
    if (dots === 1 && /^\d{3}$/u.test(decimals)) {
      return refuse(
        `ambigu : pour ${integer} ${decimals} €, écrivez ${integer} ${decimals} ; les centimes suivent une virgule`,
      );
    }
  }
  if (!/^\d*$/u.test(decimals)) return refuse(EXPECTED);
  if (decimals.length > 2) return refuse("au plus deux décimales");
  if (text.includes(",") || text.includes(".")) {
    if (decimals.length === 0) return refuse(EXPECTED);
  }
  if (!(/^\d+$/u.test(integer) || GROUPED.test(integer))) return refuse(EXPECTED);
  const digits = integer.replace(/ /g, "");
  if (digits.length > 13) return tooLarge(options);
  const cents = Number(digits) * 100 + Number(decimals.padEnd(2, "0"));
  return checkRange(cents, options);
}

function fromNumber(value: number, options: ParseEurosOptions): EurosResult {
  const cents = Math.round(value * 100);
  if (!Number.isFinite(value) || Math.abs(value * 100 - cents) > 1e-6) {
    return { ok: false, reason: `montant ${String(value)} illisible (au plus deux décimales)` };
  }
  if (value < 0) return { ok: false, reason: `montant négatif (${String(value)})` };
  return checkRange(cents, options);
}

function checkRange(cents: number, options: ParseEurosOptions): EurosResult {
  if (cents === 0 && !options.allowZero) return { ok: false, reason: "montant nul" };
  if (!Number.isSafeInteger(cents) || cents > (options.maxCents ?? DEFAULT_MAX_CENTS)) return tooLarge(options);
  return { ok: true, cents };
}

function tooLarge(options: ParseEurosOptions): EurosResult {
  const max = options.maxCents ?? DEFAULT_MAX_CENTS;
  const euros = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(max / 100);
  return { ok: false, reason: `montant trop élevé (${euros} € au plus)` };
}
