import { hasRole } from "../../domain/agents/has-role.ts";
import { projectListReply } from "../commands/project-list-reply.ts";
import { findProjectPage, MAX_PAGE, MAX_QUERY_LENGTH, NOT_AN_AGENT } from "../commands/project-query.ts";
import { cardAnswer, cardMessage } from "../teams/card-action-answers.ts";
import type { InvokeAnswer, InvokeContext } from "../teams/invoke-handler.ts";

/**
 * `projects.page` (« Page suivante » / « Page précédente » of a list card): runs the
 * card's request again for the page asked and answers with the updated card, which
 * Teams puts in place of the old one. `data` comes from the client and is checked here:
 * anything malformed gets a French message, never an error.
 */
export async function handleProjectsPage(context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> {
  if (!hasRole(context.user.role, "READER")) {
    return cardMessage("Désolé, la liste des projets est réservée aux agents enregistrés.");
  }
  const { query, page } = data;
  if (typeof query !== "string" || query.length > MAX_QUERY_LENGTH) {
    return cardMessage(
      "Cette carte ne dit pas quelle liste afficher. Relancez la recherche, par exemple : projets 2022.",
    );
  }
  if (typeof page !== "number" || !Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    return cardMessage(
      `Numéro de page invalide : un nombre entier de 1 à ${MAX_PAGE.toLocaleString("fr-FR")} est attendu.`,
    );
  }
  const found = await findProjectPage(context.deps, context.user, query, page);
  if (!found) return cardMessage(NOT_AN_AGENT);
  const reply = projectListReply(found);
  return "card" in reply ? cardAnswer(reply.card) : cardMessage(reply.text);
}
