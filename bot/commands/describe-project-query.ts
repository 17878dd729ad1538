import type { ParsedProjectQuery } from "../../domain/projects/parse-project-query.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";

/** The French title of a list: « Mes projets : édition 2022, en retard », « Projets pour « skatepark » ». */
export function describeProjectQuery(parsed: ParsedProjectQuery, mine: boolean): string {
  const { filters: f, words, reference } = parsed;
  const typed = [reference, ...words].filter(Boolean).join(" ");
  const base = mine ? "Mes projets" : "Projets";
  const parts = [
    typed ? `« ${typed} »` : null,
    f.editionYear ? `édition ${f.editionYear}` : null,
    f.cantonName ? `canton ${f.cantonName}` : null,
    f.communeName ? `commune « ${f.communeName} »` : null,
    f.themeName ? `thème « ${f.themeName} »` : null,
    f.status ? `statut ${projectStatusLabels[f.status]}` : null,
    f.isYouth ? "jeunes" : null,
    f.late ? "en retard" : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `${base} : ${parts.join(", ")}` : base;
}

/** Whether the request says anything at all (words, a reference or a filter). */
export function isEmptyQuery(parsed: ParsedProjectQuery): boolean {
  const { followedById: _mine, ...filters } = parsed.filters;
  return parsed.words.length === 0 && !parsed.reference && Object.keys(filters).length === 0;
}
