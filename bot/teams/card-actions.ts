import { DomainError } from "../../domain/errors/domain-error.ts";
import { getProjectDetail } from "../../domain/projects/get-project-detail.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { CardVerbs } from "../cards/card-verbs.ts";
import { holdEvent, openEventForm, refreshEvent, saveEvent } from "../cards/handle-event-actions.ts";
import { handleProjectsPage } from "../cards/handle-projects-page.ts";
import { buildProjectCard } from "../cards/project-card.ts";
import { cardAnswer, cardBadRequest, cardMessage } from "./card-action-answers.ts";
import { ideaCardActions } from "./idea-card-actions.ts";
import { openInvoiceForm, saveInvoiceCheck } from "./invoice-card-actions.ts";
import { type InvokeAnswer, type InvokeContext, type InvokeHandler, unhandledInvoke } from "./invoke-handler.ts";
import { selectionCardActions } from "./selection-card-actions.ts";
import { tallyCardActions } from "./tally-card-actions.ts";

/** Answers one verb; `data` is the action's `data`, untrusted (validate it). */
export type CardAction = (context: InvokeContext, data: Record<string, unknown>) => Promise<InvokeAnswer>;

const ideaActions = ideaCardActions(handledCardVerbs);
const selectionActions = selectionCardActions(handledCardVerbs);
const tallyActions = tallyCardActions(handledCardVerbs);

const UNEXPECTED =
  "Désolé, une erreur inattendue m'empêche de traiter cette action. L'équipe technique a été prévenue ; réessayez dans un instant.";

/**
 * Every `Action.Execute` verb the bot answers. A feature adds its verb here (one line);
 * cards show a button only for the verbs listed, so nothing points to a missing handler.
 */
export const cardActions: Record<string, CardAction> = {
  [CardVerbs.openProject]: answerProjectCard,
  [CardVerbs.refreshProject]: answerProjectCard,
  [CardVerbs.listPage]: handleProjectsPage,
  [CardVerbs.invoiceForm]: openInvoiceForm,
  [CardVerbs.invoiceSave]: saveInvoiceCheck(handledCardVerbs),
  [CardVerbs.eventForm]: openEventForm,
  [CardVerbs.eventSave]: saveEvent(handledCardVerbs),
  [CardVerbs.eventRefresh]: refreshEvent(handledCardVerbs),
  [CardVerbs.eventHeld]: holdEvent(handledCardVerbs),
  [CardVerbs.ideaOpen]: (context, data) => ideaActions.open(context, data),
  [CardVerbs.ideasPage]: (context, data) => ideaActions.page(context, data),
  [CardVerbs.ideaDecide]: (context, data) => ideaActions.decide(context, data),
  [CardVerbs.ideaNote]: (context, data) => ideaActions.note(context, data),
  [CardVerbs.selectionPage]: (context, data) => selectionActions.page(context, data),
  [CardVerbs.selectionPublish]: (context, data) => selectionActions.publish(context, data),
  [CardVerbs.pollingPlaceOpen]: (context, data) => tallyActions.open(context, data),
  [CardVerbs.tallyEnter]: (context, data) => tallyActions.enter(context, data),
  [CardVerbs.voteCountRefresh]: (context, data) => tallyActions.refresh(context, data),
};

/** The verbs handled right now, for the card builders. */
export function handledCardVerbs(): string[] {
  return Object.keys(cardActions);
}

/** `project.open` / `project.refresh`: the project's card, read afresh (Teams updates it in place). */
async function answerProjectCard(context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> {
  const reference = typeof data.reference === "string" ? normalizeReference(data.reference) : null;
  if (!reference) {
    return cardMessage("Cette action ne désigne aucun projet valide (référence attendue, par exemple 2022-017).");
  }
  const now = context.deps.now();
  const view = await getProjectDetail(context.deps.db, reference, now);
  return cardAnswer(buildProjectCard(view, { now, handledVerbs: handledCardVerbs() }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The single handler of `adaptiveCard/action` invokes: dispatches on `value.action.verb`. */
export const cardActionHandler: InvokeHandler = {
  names: ["adaptiveCard/action"],
  async handle(context) {
    const action = context.value.action;
    if (!isRecord(action) || typeof action.verb !== "string") {
      return cardBadRequest("Action de carte invalide : value.action.verb est attendu.");
    }
    const verb = action.verb;
    const run = Object.hasOwn(cardActions, verb) ? cardActions[verb] : undefined;
    if (!run) return unhandledInvoke(context.name);
    try {
      return await run(context, isRecord(action.data) ? action.data : {});
    } catch (error) {
      if (error instanceof DomainError) return cardMessage(error.frenchMessage);
      context.logger.error({ err: error, verb }, "card action failed");
      return cardMessage(UNEXPECTED);
    }
  },
};
