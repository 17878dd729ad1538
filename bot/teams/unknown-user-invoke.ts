import { cardMessage } from "./card-action-answers.ts";
import type { InvokeAnswer } from "./invoke-handler.ts";

export const UNKNOWN_USER_INVOKE_MESSAGE =
  "Je ne vous connais pas encore : l'assistant BPC40 est réservé aux agents enregistrés. Demandez à un administrateur de vous ajouter.";

/**
 * The answer to any invoke from someone who is not an agent: the same rule as for
 * messages (only `aide`), in the shape each kind of invoke expects, so Teams shows the
 * French message instead of an error or a spinner.
 */
export function unknownUserInvoke(name: string): InvokeAnswer {
  switch (name) {
    case "adaptiveCard/action":
      return cardMessage(UNKNOWN_USER_INVOKE_MESSAGE);
    case "composeExtension/query":
      return { status: 200, body: { composeExtension: { type: "message", text: UNKNOWN_USER_INVOKE_MESSAGE } } };
    case "task/fetch":
    case "task/submit":
      return { status: 200, body: { task: { type: "message", value: UNKNOWN_USER_INVOKE_MESSAGE } } };
    default:
      return { status: 403, body: { error: UNKNOWN_USER_INVOKE_MESSAGE } };
  }
}
