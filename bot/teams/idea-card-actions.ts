import { hasRole } from "../../domain/agents/has-role.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { addIdeaNote } from "../../domain/ideas/add-idea-note.ts";
import { decideIdea } from "../../domain/ideas/decide-idea.ts";
import { getIdeaDetail } from "../../domain/ideas/get-idea-detail.ts";
import { ideaStatusLabels } from "../../domain/ideas/idea-status-labels.ts";
import { normalizeIdeaReference } from "../../domain/ideas/normalize-idea-reference.ts";
import { IdeaStatus } from "../../prisma/generated/enums.ts";
import { buildIdeaCard, type IdeaCardOptions } from "../cards/idea-card.ts";
import { ideaListReply } from "../commands/idea-list-reply.ts";
import { cardAnswer, cardMessage } from "./card-action-answers.ts";
import type { InvokeAnswer, InvokeContext } from "./invoke-handler.ts";

type CardAction = (context: InvokeContext, data: Record<string, unknown>) => Promise<InvokeAnswer>;

const REFUSED =
  "Désolé, décider d'une idée ou noter le suivi d'un porteur est réservé aux agents et aux administrateurs (rôle **agent** au moins). Si vous en avez besoin, demandez à un administrateur.";
const NOT_READER = "Désolé, les idées déposées sont réservées aux agents enregistrés.";
const NO_IDEA = "Cette action ne désigne aucune idée valide (référence attendue, par exemple I2024-0123).";

const referenceOf = (data: Record<string, unknown>) =>
  typeof data.reference === "string" ? normalizeIdeaReference(data.reference) : null;

/** Hands committed outbox rows to the queue; the sweep finds them anyway if Redis is away. */
async function enqueue(context: InvokeContext, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    await context.deps.outbox.enqueue(ids);
  } catch (error) {
    context.logger.warn({ err: error, ids }, "outbox enqueue failed; the sweep will queue them");
  }
}

/**
 * The card actions of ideas. `handledVerbs` gives the verbs of `cardActions` for the cards
 * they answer with (passed in to avoid an import cycle).
 */
export function ideaCardActions(handledVerbs: () => string[]): {
  open: CardAction;
  page: CardAction;
  decide: CardAction;
  note: CardAction;
} {
  const card = async (context: InvokeContext, reference: string, notice?: IdeaCardOptions["notice"]) =>
    cardAnswer(
      buildIdeaCard(await getIdeaDetail(context.deps.db, reference), {
        handledVerbs: handledVerbs(),
        ...(notice ? { notice } : {}),
      }),
    );

  return {
    /** `idea.open`: the idea's card, read afresh. */
    async open(context, data) {
      if (!hasRole(context.user.role, "READER")) return cardMessage(NOT_READER);
      const reference = referenceOf(data);
      return reference ? card(context, reference) : cardMessage(NO_IDEA);
    },

    /** `ideas.page`: another page of the list, same filters (updates the card in place). */
    async page(context, data) {
      if (!hasRole(context.user.role, "READER")) return cardMessage(NOT_READER);
      const query = typeof data.query === "string" ? data.query.slice(0, 200) : "";
      const page = typeof data.page === "number" && Number.isInteger(data.page) && data.page > 0 ? data.page : 1;
      return cardAnswer((await ideaListReply(context.deps.db, query, page)).card);
    },

    /**
     * `idea.decide`: validates the status and the reason on the server (the card's own
     * checks run only in the client), records the decision and its e-mail, and answers
     * with the refreshed card; a missing reason shows the card again with the message.
     */
    async decide(context, data) {
      if (!hasRole(context.user.role, "AGENT")) return cardMessage(REFUSED);
      const reference = referenceOf(data);
      if (!reference) return cardMessage(NO_IDEA);
      const status =
        typeof data.status === "string" && (Object.values(IdeaStatus) as string[]).includes(data.status)
          ? (data.status as IdeaStatus)
          : null;
      if (!status) {
        return card(context, reference, {
          text: "Décision non enregistrée : choisissez recevable, à ajuster, non recevable ou à analyser.",
          tone: "attention",
        });
      }
      const reason = typeof data.reason === "string" ? data.reason.slice(0, 2000) : "";
      try {
        const result = await decideIdea(context.deps.db, {
          reference,
          status,
          reason,
          actor: context.user,
          now: context.deps.now(),
        });
        await enqueue(context, result.notificationIds);
        const mailed = result.notificationIds.length > 0 ? " Le porteur en est informé par e-mail." : "";
        return card(context, reference, {
          text: `Décision enregistrée : ${ideaStatusLabels[status]}.${mailed}`,
          tone: "good",
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === "IDEA_REASON_REQUIRED") {
          return card(context, reference, { text: error.frenchMessage, tone: "attention" });
        }
        throw error;
      }
    },

    /** `idea.note`: adds a support note and answers with the refreshed card. */
    async note(context, data) {
      if (!hasRole(context.user.role, "AGENT")) return cardMessage(REFUSED);
      const reference = referenceOf(data);
      if (!reference) return cardMessage(NO_IDEA);
      const text = typeof data.note === "string" ? data.note : "";
      try {
        await addIdeaNote(context.deps.db, { reference, text, actor: context.user, now: context.deps.now() });
      } catch (error) {
        if (error instanceof DomainError && error.code === "IDEA_NOTE_EMPTY") {
          return card(context, reference, { text: error.frenchMessage, tone: "attention" });
        }
        throw error;
      }
      return card(context, reference, { text: "Note de suivi enregistrée.", tone: "good" });
    },
  };
}
