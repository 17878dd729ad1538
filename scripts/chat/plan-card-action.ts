import { type CardAction, type CardInput, isJson, type Json } from "./read-card.ts";

/** What running a card action amounts to, as Teams would do it. */
export type CardActionPlan =
  | { kind: "invoke"; name: string; value: Json }
  | { kind: "message"; text?: string; value?: Json }
  | { kind: "open-url"; url: string }
  | { kind: "show-card"; card: Json }
  | { kind: "none"; reason: string };

/** The inputs whose values an action sends: all the card's, unless `associatedInputs` is `none`. */
export function inputsSentBy(action: CardAction, inputs: CardInput[]): CardInput[] {
  if (action.type !== "Action.Execute" && action.type !== "Action.Submit") return [];
  return String(action.raw.associatedInputs ?? "auto").toLowerCase() === "none" ? [] : inputs;
}

/**
 * Turns a card action and the values of its inputs into what Teams sends: an
 * `adaptiveCard/action` invoke for `Action.Execute`, a message with `value` and no
 * text for `Action.Submit` (or `imBack`/`messageBack`, or `task/submit` inside a
 * dialog), the URL for `Action.OpenUrl`, the nested card for `Action.ShowCard`. Pure.
 */
export function planCardAction(
  action: CardAction,
  values: Record<string, string>,
  context: { inDialog: boolean } = { inDialog: false },
): CardActionPlan {
  const data = action.raw.data;
  const merged = { ...(isJson(data) ? data : {}), ...values };
  switch (action.type) {
    case "Action.Execute": {
      const executed: Json = { type: "Action.Execute", verb: String(action.raw.verb ?? ""), data: merged };
      if (typeof action.raw.id === "string") executed.id = action.raw.id;
      return { kind: "invoke", name: "adaptiveCard/action", value: { action: executed, trigger: "manual" } };
    }
    case "Action.Submit":
      return planSubmit(data, merged, values, context.inDialog);
    case "Action.OpenUrl":
      return { kind: "open-url", url: String(action.raw.url ?? "") };
    case "Action.ShowCard":
      return isJson(action.raw.card)
        ? { kind: "show-card", card: action.raw.card }
        : { kind: "none", reason: "Cette action n'a pas de carte à afficher." };
    case "Action.ToggleVisibility":
      return { kind: "none", reason: "Cette action affiche ou masque des éléments : tout est déjà affiché ici." };
    default:
      return {
        kind: "none",
        reason: `Action non prise en charge par le client local : ${action.type || "sans type"}.`,
      };
  }
}

function planSubmit(data: unknown, merged: Json, values: Record<string, string>, inDialog: boolean): CardActionPlan {
  if (typeof data === "string") return { kind: "message", text: data };
  const msteams = isJson(merged.msteams) ? merged.msteams : null;
  if (msteams?.type === "imBack") return { kind: "message", text: String(msteams.value ?? "") };
  if (msteams?.type === "messageBack") {
    const value = { ...(isJson(msteams.value) ? msteams.value : {}), ...values };
    return { kind: "message", ...(typeof msteams.text === "string" ? { text: msteams.text } : {}), value };
  }
  if (msteams?.type === "task/fetch") {
    return { kind: "invoke", name: "task/fetch", value: { data: merged, context: { theme: "default" } } };
  }
  if (inDialog) return { kind: "invoke", name: "task/submit", value: { data: merged, context: { theme: "default" } } };
  return { kind: "message", value: merged };
}
