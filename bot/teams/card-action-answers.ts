import type { InvokeAnswer } from "./invoke-handler.ts";

/** Answer to an `adaptiveCard/action`: Teams replaces the card that carried the action with `card`. */
export function cardAnswer(card: Record<string, unknown>): InvokeAnswer {
  return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card } };
}

/** Answer showing a short French message to the agent; the card stays as it was. */
export function cardMessage(text: string): InvokeAnswer {
  return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text } };
}

/** A malformed invoke (not one of our cards' actions): HTTP 400 with the Universal Actions error body. */
export function cardBadRequest(message: string): InvokeAnswer {
  return {
    status: 400,
    body: { statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest", message } },
  };
}
