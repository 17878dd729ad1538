import { normalizeKey } from "../text/normalize-key.ts";

/**
 * Words that never narrow a project search: articles, prepositions, and the words
 * agents put around what they look for ("les projets de…"). Folded (no accent).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...["le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "au", "aux", "a", "en", "et", "ou"],
  ...["sur", "sous", "dans", "par", "pour", "avec", "chez", "vers", "y", "ce", "ces", "cet", "cette"],
  ...["qui", "que", "quoi", "quel", "quels", "quelle", "quelles", "est", "sont", "son", "sa", "ses"],
  ...["mon", "ma", "mes", "nos", "vos", "leur", "leurs", "moi", "svp", "stp", "merci", "bonjour"],
  ...["projet", "projets", "liste", "lister", "montre", "montrer", "affiche", "afficher", "voir"],
  ...["cherche", "chercher", "recherche", "rechercher", "trouve", "trouver", "tous", "toutes", "tout"],
]);

/**
 * Text folded to the words PostgreSQL's `bpc40_fold` gives (lower case, no accent, every
 * run of other characters a separator): « Grenade-sur-l'Adour » → grenade, sur, l, adour.
 */
export function foldWords(text: string): string[] {
  return normalizeKey(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** The folded words of a search that can narrow it (stop words removed). */
export function meaningfulWords(text: string): string[] {
  return foldWords(text).filter((word) => !STOP_WORDS.has(word));
}
