import type { ProjectStatus } from "../../prisma/generated/enums.ts";

/** One folded word of a phrase: exact, or a pattern for its feminine and plural forms. */
type WordPattern = string | RegExp;

/**
 * How agents name each status in a message, as folded word sequences (« soldé »,
 * « convention signée », « en cours »…). « en cours » alone means the works are under way;
 * « convention en cours » means the convention is being signed.
 */
export const STATUS_PHRASES: readonly { status: ProjectStatus; words: WordPattern[] }[] = [
  { status: "WINNER", words: [/^laureats?$/] },
  { status: "AGREEMENT_PENDING", words: [/^conventions?$/, "en", "cours"] },
  { status: "AGREEMENT_PENDING", words: [/^conventions?$/, /^envoyee?s?$/] },
  { status: "AGREEMENT_PENDING", words: ["a", "signer"] },
  { status: "AGREEMENT_SIGNED", words: [/^conventions?$/, /^signee?s?$/] },
  { status: "AGREEMENT_SIGNED", words: [/^signee?s?$/] },
  { status: "IN_PROGRESS", words: ["en", "cours"] },
  { status: "IN_PROGRESS", words: ["en", "realisation"] },
  { status: "IN_PROGRESS", words: ["en", "travaux"] },
  { status: "COMPLETED", words: [/^realisee?s?$/] },
  { status: "COMPLETED", words: [/^terminee?s?$/] },
  { status: "INAUGURATED", words: [/^inauguree?s?$/] },
  { status: "PAID_IN_FULL", words: [/^soldee?s?$/] },
  { status: "REPORT_RECEIVED", words: [/^bilans?$/, "n", "1", /^recue?s?$/] },
  { status: "REPORT_RECEIVED", words: [/^bilans?$/, /^recue?s?$/] },
  { status: "CLOSED", words: [/^clos(es?)?$/] },
  { status: "CLOSED", words: [/^cloturee?s?$/] },
  { status: "ABANDONED", words: [/^abandonnee?s?$/] },
];

/** Whether `words` from `start` begin with `phrase`; returns the number of words it covers, or 0. */
export function matchPhrase(words: readonly string[], start: number, phrase: readonly WordPattern[]): number {
  for (let i = 0; i < phrase.length; i++) {
    const word = words[start + i];
    const pattern = phrase[i];
    if (word === undefined || pattern === undefined) return 0;
    if (typeof pattern === "string" ? word !== pattern : !pattern.test(word)) return 0;
  }
  return phrase.length;
}

/** The longest status phrase starting at `start`, if any. */
export function matchStatus(
  words: readonly string[],
  start: number,
): { status: ProjectStatus; length: number } | undefined {
  let best: { status: ProjectStatus; length: number } | undefined;
  for (const { status, words: phrase } of STATUS_PHRASES) {
    const length = matchPhrase(words, start, phrase);
    if (length > (best?.length ?? 0)) best = { status, length };
  }
  return best;
}
