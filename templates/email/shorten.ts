import { toOneLine } from "./to-one-line.ts";

/**
 * Puts the text on one line and cuts it to `maxLength` characters at a word boundary,
 * ending with `…`. Used in subjects, which phones cut anyway and which must never carry a
 * line break.
 */
export function shorten(text: string, maxLength: number): string {
  const oneLine = toOneLine(text);
  if (oneLine.length <= maxLength) return oneLine;
  const cut = oneLine.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  const atWord = lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
