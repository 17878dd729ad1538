import type { Command, Reply } from "./command.ts";
import { IDEAS_USAGE, ideaListReply } from "./idea-list-reply.ts";

/** `idées [filtres]`: the ideas filed on the participation platform, page by page. */
export const ideesCommand: Command = {
  name: "idées",
  triggers: ["idees"],
  help: `**${IDEAS_USAGE}** : les idées déposées (filtres : édition, canton, statut, jeunes ; **idée I2024-0123** pour une fiche)`,
  async handle({ args, deps }): Promise<Reply> {
    return ideaListReply(deps.db, args.trim());
  },
};
