import { isClearHit } from "../../domain/projects/is-clear-hit.ts";
import type { Command, Reply } from "./command.ts";
import { isEmptyQuery } from "./describe-project-query.ts";
import { noProjectReply, projectListReply, SEARCH_EXAMPLES } from "./project-list-reply.ts";
import { findProjectPage, NOT_AN_AGENT } from "./project-query.ts";
import { statutCommand } from "./statut.ts";

/**
 * Free text: `cherche skatepark grenade`, or any message that is not a command (the
 * router's fallback). One clear hit (see `isClearHit`) answers with the project's card,
 * several with a list card, none with the ways to search.
 */
export const rechercheCommand: Command = {
  name: "recherche",
  readsOnly: true,
  triggers: ["cherche", "chercher", "recherche", "rechercher"],
  help: "**cherche skatepark grenade**, ou tout autre texte : cherche un projet par mots-clés, même mal orthographiés",
  async handle(context): Promise<Reply> {
    const { args, deps, user } = context;
    if (!args.trim()) return { text: `Que cherchez-vous ?\n\n${SEARCH_EXAMPLES}` };
    const page = await findProjectPage(deps, user, args, 1, { listAll: false });
    if (!page) return { text: NOT_AN_AGENT };
    if (isEmptyQuery(page.parsed)) {
      return { text: `Je n'ai pas compris « ${args.trim().slice(0, 60)} ».\n\n${SEARCH_EXAMPLES}` };
    }
    if (page.total === 0) return noProjectReply(page);
    const [first] = page.hits;
    if (first && isClearHit(page.hits, page.total)) return statutCommand.handle({ ...context, args: first.reference });
    return projectListReply(page);
  },
};
