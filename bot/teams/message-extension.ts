import { getProjectDetail } from "../../domain/projects/get-project-detail.ts";
import { projectDetailFromFacts } from "../../domain/projects/project-detail-from-facts.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import { buildProjectCard, projectCardSummary } from "../cards/project-card.ts";
import { findProjects } from "../commands/project-query.ts";
import { handledCardVerbs } from "./card-actions.ts";
import type { InvokeAnswer, InvokeContext, InvokeHandler } from "./invoke-handler.ts";

export const SEARCH_COMMAND_ID = "rechercherProjet";
const MAX_RESULTS = 10;
/** Teams pages by 10 or 25: nobody scrolls past a thousand results. */
const MAX_SKIP = 1000;

function messageAnswer(text: string): InvokeAnswer {
  return { status: 200, body: { composeExtension: { type: "message", text } } };
}

/** The search text and paging of a `composeExtension/query`, checked (Teams' payload is not trusted). */
function readQuery(value: Record<string, unknown>): { text: string; skip: number; count: number } | null {
  const parameters = Array.isArray(value.parameters) ? (value.parameters as Array<Record<string, unknown>>) : [];
  const text = parameters.find((p) => p?.name === "texte" || p?.name === "searchText")?.value;
  if (text !== undefined && typeof text !== "string") return null;
  const options = (value.queryOptions ?? {}) as Record<string, unknown>;
  // A huge skip (1e308) would reach PostgreSQL's OFFSET and fail the turn: keep it to real paging.
  const skip = Number.isSafeInteger(options.skip) ? Math.min(MAX_SKIP, Math.max(0, options.skip as number)) : 0;
  const count = Number.isInteger(options.count)
    ? Math.min(MAX_RESULTS, Math.max(1, options.count as number))
    : MAX_RESULTS;
  return { text: (text ?? "").slice(0, 200), skip, count };
}

/**
 * The message extension: an agent searches projects from the compose box and inserts
 * a project's card in the conversation. Teams waits about 5 s for the answer.
 */
export const messageExtensionHandler: InvokeHandler = {
  names: ["composeExtension/query"],
  async handle(context: InvokeContext): Promise<InvokeAnswer> {
    if (context.value.commandId !== SEARCH_COMMAND_ID) return messageAnswer("Recherche inconnue.");
    const query = readQuery(context.value);
    if (!query) return { status: 400, body: { error: "Paramètres de recherche invalides." } };
    if (!query.text.trim())
      return messageAnswer("Tapez le nom d'un projet, d'une commune ou une référence (2022-017).");
    const now = context.deps.now();
    // From the bot's memory, as free text in the chat.
    const { hits } = await findProjects(context.deps, query.text, { limit: query.count, offset: query.skip, now });
    if (hits.length === 0) return messageAnswer(`Aucun projet ne correspond à « ${query.text.trim()} ».`);
    const verbs = handledCardVerbs();
    const attachments = await Promise.all(
      hits.map(async (hit) => {
        // The card facts from the read cache, as `statut` reads them (PostgreSQL when not kept).
        const facts = await context.deps.reads.projectFacts(hit.reference);
        const view = facts
          ? projectDetailFromFacts(facts, now)
          : await getProjectDetail(context.deps.db, hit.reference, now);
        return {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: buildProjectCard(view, { now, handledVerbs: verbs }),
          preview: {
            contentType: "application/vnd.microsoft.card.thumbnail",
            content: {
              title: `${hit.reference} · ${hit.title}`,
              text: `${hit.commune ?? hit.canton} · ${projectStatusLabels[hit.status]}${hit.isYouth ? " · jeune" : ""}`,
            },
          },
          summary: projectCardSummary(view),
        };
      }),
    );
    return { status: 200, body: { composeExtension: { type: "result", attachmentLayout: "list", attachments } } };
  },
};
