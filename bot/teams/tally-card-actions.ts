import { hasRole } from "../../domain/agents/has-role.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { placeCardReply, submitTally } from "../commands/tally-card-reply.ts";
import { voteCountReply } from "../commands/vote-count-reply.ts";
import { cardAnswer, cardMessage } from "./card-action-answers.ts";
import type { InvokeAnswer, InvokeContext } from "./invoke-handler.ts";

type CardAction = (context: InvokeContext, data: Record<string, unknown>) => Promise<InvokeAnswer>;

const NOT_READER = "Désolé, le dépouillement est réservé aux agents enregistrés.";
const REFUSED =
  "Désolé, saisir un dépouillement est réservé aux agents et aux administrateurs (rôle **agent** au moins). Si vous en avez besoin, demandez à un administrateur.";
const NO_PLACE = "Cette action ne désigne aucun bureau de vote valide.";
/** Longest tally text read from the form (its `maxLength`); beyond it Teams' client would not send it. */
const MAX_LINES_TEXT = 20_000;

const placeIdOf = (data: Record<string, unknown>) =>
  typeof data.placeId === "number" && Number.isInteger(data.placeId) && data.placeId > 0 ? data.placeId : null;

/**
 * The card actions of the vote count. `handledVerbs` gives the verbs of `cardActions` for
 * the cards they answer with (passed in to avoid an import cycle).
 */
export function tallyCardActions(handledVerbs: () => string[]): {
  open: CardAction;
  enter: CardAction;
  refresh: CardAction;
} {
  const placeCard = async (context: InvokeContext, placeId: number, notice?: Parameters<typeof placeCardReply>[3]) => {
    const exists = await context.deps.db.pollingPlace.count({ where: { id: placeId } });
    if (exists === 0) return cardMessage(NO_PLACE);
    return cardAnswer((await placeCardReply(context.deps.db, placeId, handledVerbs(), notice)).card);
  };
  return {
    /** `polling-place.open`: the place's card, read afresh (also its « Actualiser »). */
    async open(context, data) {
      if (!hasRole(context.user.role, "READER")) return cardMessage(NOT_READER);
      const placeId = placeIdOf(data);
      return placeId ? placeCard(context, placeId) : cardMessage(NO_PLACE);
    },

    /**
     * `tally.enter`: the form's text, validated on the server (the card's own checks run
     * only in the client); the place's card with what the entry did, or with the refusal
     * on top and nothing written.
     */
    async enter(context, data) {
      if (!hasRole(context.user.role, "AGENT")) return cardMessage(REFUSED);
      const placeId = placeIdOf(data);
      if (!placeId || (await context.deps.db.pollingPlace.count({ where: { id: placeId } })) === 0) {
        return cardMessage(NO_PLACE);
      }
      const text = typeof data.lines === "string" ? data.lines.slice(0, MAX_LINES_TEXT) : "";
      try {
        const notice = await submitTally(context.deps, context.user, placeId, text);
        return placeCard(context, placeId, notice);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return placeCard(context, placeId, { text: error.frenchMessage, tone: "attention" });
      }
    },

    /** `vote-count.refresh`: the running count read again, same edition and canton. */
    async refresh(context, data) {
      if (!hasRole(context.user.role, "READER")) return cardMessage(NOT_READER);
      const year = typeof data.year === "number" && Number.isInteger(data.year) ? data.year : undefined;
      const canton = typeof data.canton === "string" ? data.canton.slice(0, 60) : undefined;
      const reply = await voteCountReply(context.deps.db, handledVerbs(), { year, canton });
      return "card" in reply ? cardAnswer(reply.card) : cardMessage(reply.text);
    },
  };
}
