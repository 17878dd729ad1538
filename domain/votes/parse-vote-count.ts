export type VoteCountResult = { ok: true; votes: number } | { ok: false; reason: string };

const PLAIN = /^\d+$/;
/** `1 234`, `12 345 678`: groups of three digits after spaces (no-break ones included). */
const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/u;

/**
 * Reads a number of votes as agents and exports write it: `1234`, `1 234` (with the
 * no-break spaces French typing and Excel insert), or a number cell. Refused with a
 * French reason: empty, negative, decimal, `1.234` (a thousands dot or a decimal? the
 * count must not be guessed), or above `max` (a typo such as 12 340 for 1 234 at a
 * polling place of a few hundred voters).
 */
export function parseVoteCount(value: string | number | null | undefined, max: number): VoteCountResult {
  if (value === null || value === undefined) return { ok: false, reason: "nombre de voix manquant" };
  if (typeof value === "number") return checked(value, String(value), max);
  const text = value.trim();
  if (!text) return { ok: false, reason: "nombre de voix manquant" };
  if (/^[-−]/u.test(text)) return { ok: false, reason: `« ${text} » : un nombre de voix ne peut pas être négatif` };
  if (PLAIN.test(text) || GROUPED.test(text)) return checked(Number(text.replace(/\D/g, "")), text, max);
  if (/^\d[\d \u00a0\u202f]*[.,]\d+$/u.test(text)) {
    return { ok: false, reason: `« ${text} » n'est pas un nombre entier de voix (écrivez 1234 ou 1 234)` };
  }
  return { ok: false, reason: `« ${text.slice(0, 30)} » n'est pas un nombre de voix` };
}

function checked(votes: number, text: string, max: number): VoteCountResult {
  if (!Number.isFinite(votes)) return { ok: false, reason: `« ${text} » n'est pas un nombre de voix` };
  if (votes < 0) return { ok: false, reason: `« ${text} » : un nombre de voix ne peut pas être négatif` };
  if (!Number.isInteger(votes)) return { ok: false, reason: `« ${text} » n'est pas un nombre entier de voix` };
  if (votes > max) {
    return {
      ok: false,
      reason: `${votes.toLocaleString("fr-FR")} voix, c'est plus que le maximum plausible (${max.toLocaleString("fr-FR")}) : vérifiez le chiffre`,
    };
  }
  return { ok: true, votes };
}
