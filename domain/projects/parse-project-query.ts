import type { ProjectStatus } from "../../prisma/generated/enums.ts";
import { foldWords, STOP_WORDS } from "./fold-words.ts";
import { type FoldedVocabulary, foldVocabulary, matchCanton, matchTheme } from "./match-vocabulary.ts";
import { normalizeReference } from "./normalize-reference.ts";
import { matchPhrase, matchStatus } from "./status-phrases.ts";

/** The small lists a query is read against, loaded from the database once per query. */
export interface QueryVocabulary {
  cantons: readonly { slug: string; name: string }[];
  /** Distinct theme names of all editions. */
  themes: readonly string[];
}

/** What narrows a project list; every field optional, all of them must hold. */
export interface ProjectFilters {
  editionYear?: number;
  cantonSlug?: string;
  cantonName?: string;
  /** Folded words the commune's name must contain (« grenade »). */
  communeName?: string;
  /** A theme name, or words every matching theme name contains (« sport »). */
  themeName?: string;
  status?: ProjectStatus;
  isYouth?: boolean;
  late?: boolean;
  /** Projects followed by this agent (`mes projets`); never read from the text. */
  followedById?: number;
}

export interface ParsedProjectQuery {
  /** Folded words left to search in titles, communes, cantons and porteurs. */
  words: string[];
  /** A project reference in the text (« 2022-17 » → 2022-017). */
  reference?: string;
  filters: ProjectFilters;
}

type Collecting = "communeName" | "themeName" | null;

const YOUTH = new Set(["jeune", "jeunes", "jeunesse"]);
const IGNORED = new Set(["canton", "cantons", "edition", "editions", "annee", "statut"]);

/**
 * Reads a French request (« les projets jeunes de Dax-2 en 2021 », « projets canton
 * seignanx 2022 en retard », « grenad skatpark ») into filters and the words left to
 * search. Pure: the canton and theme names come in `vocabulary`. Recognises a reference,
 * edition years 2019-2030, « jeune(s) »/« jeunesse », « en retard », status words, canton
 * names (« Dax-2 », « dax 2 », « mont de marsan 1 »), full theme names, and the keywords
 * « commune … » and « thème … » followed by a name; stop words are dropped.
 */
export function parseProjectQuery(text: string, vocabulary: QueryVocabulary): ParsedProjectQuery {
  const parsed: ParsedProjectQuery = { words: [], filters: {} };
  const rest = text.replace(/\b\d{4}-\d{1,4}\b/g, (match) => {
    parsed.reference ??= normalizeReference(match) ?? undefined;
    return " ";
  });
  // « dax2 » is « dax 2 », like « Dax-2 ».
  const words = foldWords(rest).flatMap((w) => (/^[a-z]+[0-9]$/.test(w) ? [w.slice(0, -1), w.slice(-1)] : [w]));
  const folded = foldVocabulary(vocabulary);
  let collecting: Collecting = null;
  for (let i = 0; i < words.length; ) {
    const used = readFilter(words, i, folded, parsed.filters, collecting);
    if (used > 0) {
      [collecting, i] = [null, i + used];
      continue;
    }
    const word = words[i++] as string;
    if (word === "commune" || word === "communes") collecting = "communeName";
    else if (word === "theme" || word === "themes") collecting = "themeName";
    else if (STOP_WORDS.has(word) || IGNORED.has(word)) continue;
    else if (collecting) parsed.filters[collecting] = [parsed.filters[collecting], word].filter(Boolean).join(" ");
    else parsed.words.push(word);
  }
  return parsed;
}

/** Applies the filter the words spell from `start`; returns how many words it used (0: none). */
function readFilter(
  words: readonly string[],
  start: number,
  vocabulary: FoldedVocabulary,
  filters: ProjectFilters,
  collecting: Collecting,
): number {
  const word = words[start] ?? "";
  if (/^\d{4}$/.test(word) && Number(word) >= 2019 && Number(word) <= 2030) {
    filters.editionYear ??= Number(word);
    return 1;
  }
  const late = /^retards?$/.test(word) ? 1 : matchPhrase(words, start, ["en", /^retards?$/]);
  if (late) {
    filters.late = true;
    return late;
  }
  const canton = matchCanton(words, start, vocabulary);
  if (canton) {
    [filters.cantonSlug, filters.cantonName] = [canton.slug, canton.name];
    return canton.length;
  }
  const theme = matchTheme(words, start, vocabulary);
  if (theme) {
    filters.themeName = theme.name;
    return theme.length;
  }
  const status = matchStatus(words, start);
  if (status) {
    filters.status = status.status;
    return status.length;
  }
  if (YOUTH.has(word) && collecting !== "themeName") {
    filters.isYouth = true;
    return 1;
  }
  return 0;
}
