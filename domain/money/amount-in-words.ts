const UNITS = [
  "zéro",
  "un",
  "deux",
  "trois",
  "quatre",
  "cinq",
  "six",
  "sept",
  "huit",
  "neuf",
  "dix",
  "onze",
  "douze",
  "treize",
  "quatorze",
  "quinze",
  "seize",
  "dix-sept",
  "dix-huit",
  "dix-neuf",
];
const TENS = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

/**
 * An amount in integer cents written out in French words, as a convention states it
 * beside the figures (the words are what binds when both disagree): `6852500` →
 * « soixante-huit mille cinq cent vingt-cinq euros », `150` → « un euro et cinquante
 * centimes ». Traditional spelling (the one the Département's legal templates use):
 * hyphens inside numbers below one hundred only, « et » in 21 to 71, « quatre-vingts » and
 * « deux cents » take an s only when they end the number or precede « millions »,
 * « mille » never does, and « d'euros » follows a round million.
 */
export function amountInWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`amount in cents expected, got ${cents}`);
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const centimes = rest === 0 ? "" : `${numberInWords(rest)} centime${rest > 1 ? "s" : ""}`;
  if (euros === 0 && rest > 0) return centimes;
  const roundMillion = euros >= 1_000_000 && euros % 1_000_000 === 0;
  const unit = euros > 1 ? (roundMillion ? "d'euros" : "euros") : "euro";
  const eurosText = `${numberInWords(euros)} ${unit}`;
  return centimes ? `${eurosText} et ${centimes}` : eurosText;
}

/** A whole number from 0 to 999 999 999 999 in French words (traditional spelling). */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`integer expected, got ${n}`);
  if (n === 0) return UNITS[0] as string;
  const parts: string[] = [];
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor((n % 1e9) / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const units = n % 1000;
  // « milliard » and « million » are nouns: what counts them agrees (« deux cents millions »).
  if (billions) parts.push(`${belowThousand(billions, true)} milliard${billions > 1 ? "s" : ""}`);
  if (millions) parts.push(`${belowThousand(millions, true)} million${millions > 1 ? "s" : ""}`);
  // « mille » is an adjective: invariable, never « un mille », and it freezes what precedes it.
  if (thousands) parts.push(thousands === 1 ? "mille" : `${belowThousand(thousands, false)} mille`);
  if (units) parts.push(belowThousand(units, true));
  return parts.join(" ");
}

/** 1 to 999; `final` when nothing but a noun follows, so « cents » / « quatre-vingts » take their s. */
function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds) {
    const plural = hundreds > 1 && rest === 0 && final;
    words.push(hundreds === 1 ? "cent" : `${UNITS[hundreds]} cent${plural ? "s" : ""}`);
  }
  if (rest) words.push(belowHundred(rest, final));
  return words.join(" ");
}

function belowHundred(n: number, final: boolean): string {
  if (n < 20) return UNITS[n] as string;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 7 || tens === 9) {
    // soixante-dix…, quatre-vingt-dix…: built on the 60 or 80 stem plus 10 to 19.
    const base = tens === 7 ? "soixante" : "quatre-vingt";
    const link = tens === 7 && unit === 1 ? " et " : "-";
    return `${base}${link}${UNITS[10 + unit]}`;
  }
  if (tens === 8) return unit === 0 ? `quatre-vingt${final ? "s" : ""}` : `quatre-vingt-${UNITS[unit]}`;
  const ten = TENS[tens] as string;
  if (unit === 0) return ten;
  if (unit === 1) return `${ten} et un`;
  return `${ten}-${UNITS[unit]}`;
}
