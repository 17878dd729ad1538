import type { IdeaStatus } from "../../prisma/generated/enums.ts";
import { labelKey } from "../import/label-key.ts";

export interface IdeaFilters {
  editionYear: number | null;
  cantonId: number | null;
  status: IdeaStatus | null;
  /** True: youth ideas only; false: the others only; null: all. */
  youth: boolean | null;
  page: number;
}

/** Folded phrases naming a status, longest first so « non recevable » wins over « recevable ». */
const statusWords: [string, IdeaStatus][] = [
  ["nonrecevables", "INELIGIBLE"],
  ["nonrecevable", "INELIGIBLE"],
  ["irrecevables", "INELIGIBLE"],
  ["irrecevable", "INELIGIBLE"],
  ["aanalyser", "TO_ANALYSE"],
  ["aajuster", "TO_ADJUST"],
  ["recevables", "ELIGIBLE"],
  ["recevable", "ELIGIBLE"],
];

/**
 * Reads the filters of `idées` from free words, in any order: a year (2024), a status
 * (« à analyser », « recevables », « à ajuster », « non recevables »), « jeunes » or
 * « adultes », a canton's name (« Dax-1 », « cote d'argent ») and « page 2 ». Returns the
 * words it could not read, so the command can say so.
 */
export function parseIdeaFilters(
  text: string,
  cantons: readonly { id: number; name: string }[],
): { filters: IdeaFilters; unread: string[] } {
  const filters: IdeaFilters = { editionYear: null, cantonId: null, status: null, youth: null, page: 1 };
  let words = text.split(/\s+/).filter(Boolean);
  const unread: string[] = [];
  const cantonByKey = new Map(cantons.map((c) => [labelKey(c.name), c.id]));
  while (words.length > 0) {
    const word = words[0] as string;
    const key = labelKey(word);
    const two = labelKey(words.slice(0, 2).join(" "));
    const status = statusWords.find(([k]) => k === two) ?? statusWords.find(([k]) => k === key);
    if (/^\d{4}$/.test(key)) {
      filters.editionYear = Number(key);
      words = words.slice(1);
    } else if (key === "page" && /^\d+$/.test(words[1] ?? "")) {
      filters.page = Math.max(1, Number(words[1]));
      words = words.slice(2);
    } else if (status) {
      filters.status = status[1];
      words = words.slice(status[0] === key ? 1 : 2);
    } else if (["jeune", "jeunes", "jeunesse"].includes(key)) {
      filters.youth = true;
      words = words.slice(1);
    } else if (["adulte", "adultes"].includes(key)) {
      filters.youth = false;
      words = words.slice(1);
    } else {
      // The longest run of words that names a canton (« Haute Lande Armagnac »).
      let matched = 0;
      for (let n = Math.min(4, words.length); n >= 1 && matched === 0; n--) {
        const id = cantonByKey.get(labelKey(words.slice(0, n).join(" ")));
        if (id !== undefined) {
          filters.cantonId = id;
          matched = n;
        }
      }
      if (matched === 0) {
        unread.push(word);
        matched = 1;
      }
      words = words.slice(matched);
    }
  }
  return { filters, unread };
}
