const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Reduces a free-text label (a supplier's name, a commune...) to a comparison key:
 * lowercase, accents and ligatures stripped, runs of whitespace (including the
 * no-break spaces French typing inserts) collapsed to one space, ends trimmed.
 * Two invoices from "Menuiserie  Lafargue" and "menuiserie lafargue" then share a key,
 * which is what the duplicate-invoice rule compares. Punctuation is kept on purpose:
 * "SARL A.B.C." and "SARL ABC" may be different companies.
 */
export function normalizeKey(text: string): string {
  // Printable ASCII (most commands and references): no accent, ligature or other space to undo.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ {2,}/g, " ").trim();
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}
