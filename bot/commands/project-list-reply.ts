import { buildProjectListCard, projectListSummary } from "../cards/project-list-card.ts";
import type { Reply } from "./command.ts";
import { describeProjectQuery } from "./describe-project-query.ts";
import { PAGE_SIZE, type ProjectPage } from "./project-query.ts";

/** How to search, shown when nothing matched or nothing was understood. */
export const SEARCH_EXAMPLES = [
  "Pour trouver un projet, tapez par exemple :",
  "- **skatepark grenade** : des mots du titre, de la commune, du canton ou du porteur (les fautes de frappe sont tolérées)",
  "- **2022-017** : une référence",
  "- **projets 2021 jeunes**, **projets canton Seignanx en retard**, **projets soldés 2019** : une liste filtrée",
  "- **mes projets** : les projets que vous suivez",
  "- **aide** : toutes les commandes",
].join("\n");

/** Cards already built, by page: a page kept by the read cache is answered again without rebuilding. */
const replies = new WeakMap<ProjectPage, Reply>();

/** The page as a list card (the card's title says what was asked). Never modify the card it returns. */
export function projectListReply(page: ProjectPage): Reply {
  const known = replies.get(page);
  if (known) return known;
  const input = {
    title: describeProjectQuery(page.parsed, page.mine),
    hits: page.hits,
    total: page.total,
    page: page.page,
    pageSize: PAGE_SIZE,
    query: page.query,
  };
  const reply = { card: buildProjectListCard(input), summary: projectListSummary(input) };
  replies.set(page, reply);
  return reply;
}

/** « Aucun projet ne correspond à … » with the ways to search. */
export function noProjectReply(page: ProjectPage): Reply {
  const asked = describeProjectQuery(page.parsed, page.mine);
  return { text: `Aucun projet trouvé (${asked.charAt(0).toLowerCase()}${asked.slice(1)}).\n\n${SEARCH_EXAMPLES}` };
}
