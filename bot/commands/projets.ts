import type { Command, Reply } from "./command.ts";
import { noProjectReply, projectListReply } from "./project-list-reply.ts";
import { findProjectPage, NOT_AN_AGENT } from "./project-query.ts";

/** `projets 2021 jeunes`, `projets canton Seignanx en retard`: a list of projects, filtered, by pages. */
export const projetsCommand: Command = {
  name: "projets",
  readsOnly: true,
  triggers: ["projets", "projet", "liste"],
  help: "**projets 2021 jeunes** : la liste des projets, filtrée par édition, canton, commune, thème, statut, « jeunes », « en retard »",
  async handle({ args, deps, user }): Promise<Reply> {
    const page = await findProjectPage(deps, user, `projets ${args}`.trim(), 1);
    if (!page) return { text: NOT_AN_AGENT };
    return page.total === 0 ? noProjectReply(page) : projectListReply(page);
  },
};
