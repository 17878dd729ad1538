import type { Command, Reply } from "./command.ts";
import { projectListReply } from "./project-list-reply.ts";
import { findProjectPage, NOT_AN_AGENT } from "./project-query.ts";

/**
 * `mes projets` (and `mes projets 2022 en retard`): the projects the speaker follows.
 * Routed on « mes », the first word; « projets » after it is optional.
 */
export const mesProjetsCommand: Command = {
  name: "mes projets",
  readsOnly: true,
  triggers: ["mes"],
  help: "**mes projets** : les projets que vous suivez (mêmes filtres que **projets**)",
  async handle({ args, deps, user }): Promise<Reply> {
    const page = await findProjectPage(deps, user, `mes ${args}`.trim(), 1);
    if (!page) return { text: NOT_AN_AGENT };
    if (page.total === 0) {
      return {
        text: "Aucun projet ne vous est attribué pour ce que vous demandez. Essayez **projets** pour tous les voir.",
      };
    }
    return projectListReply(page);
  },
};
