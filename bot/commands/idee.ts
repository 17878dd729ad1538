import { DomainError } from "../../domain/errors/domain-error.ts";
import { getIdeaDetail } from "../../domain/ideas/get-idea-detail.ts";
import { normalizeIdeaReference } from "../../domain/ideas/normalize-idea-reference.ts";
import { buildIdeaCard, ideaCardSummary } from "../cards/idea-card.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { Command, Reply } from "./command.ts";

/** `idée I2024-0123`: an idea's card, with its warnings, notes and the decision form. */
export const ideeCommand: Command = {
  name: "idée",
  triggers: ["idee"],
  help: "**idée I2024-0123** : la fiche d'une idée (points d'attention, suivi du porteur, décision)",
  async handle({ args, deps }): Promise<Reply> {
    const reference = normalizeIdeaReference(args);
    if (!reference) {
      throw new DomainError("COMMAND_UNCLEAR", {
        problem: "Indiquez la référence de l'idée.",
        usage: "idée I2024-0123",
      });
    }
    const view = await getIdeaDetail(deps.db, reference);
    return { card: buildIdeaCard(view, { handledVerbs: handledCardVerbs() }), summary: ideaCardSummary(view) };
  },
};
