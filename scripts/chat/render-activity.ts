import type { ChatOutput } from "./chat-output.ts";
import { isJson, type Json, jsonArray } from "./read-card.ts";
import { renderCard } from "./render-card.ts";
import { renderMarkdown } from "./render-markdown.ts";
import type { TextStyle } from "./text-style.ts";

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** What an activity or an invoke answer shows, and the card whose actions become runnable. */
export interface RenderedActivity {
  outputs: ChatOutput[];
  /** The last Adaptive Card shown, if any. */
  card: Json | null;
  /** True when the card is shown in a dialog (task module). */
  inDialog: boolean;
}

/** An activity the bot sent through the connector: typing, Markdown text, Adaptive Cards. Pure. */
export function renderActivity(activity: Json, style: TextStyle, label?: string): RenderedActivity {
  const result: RenderedActivity = { outputs: [], card: null, inDialog: false };
  const withLabel = label ? { label } : {};
  const from = isJson(activity.from) && typeof activity.from.name === "string" ? activity.from.name : "BPC40";
  if (activity.type === "typing") {
    result.outputs.push({ kind: "typing", lines: [`… ${from} écrit`] });
    return result;
  }
  if (activity.type !== "message") {
    result.outputs.push({ kind: "notice", lines: [`(activité « ${String(activity.type)} » reçue)`] });
    return result;
  }
  const text = typeof activity.text === "string" ? activity.text : "";
  if (text.trim()) {
    const lines =
      activity.textFormat === "plain" ? text.split("\n").filter((l) => l.trim()) : renderMarkdown(text, style);
    result.outputs.push({ kind: "message", lines, ...withLabel });
  }
  const attachments = jsonArray(activity.attachments);
  for (const attachment of attachments) {
    if (attachment.contentType === ADAPTIVE_CARD && isJson(attachment.content)) {
      result.card = attachment.content;
      result.outputs.push({ kind: "card", lines: renderCard(attachment.content, style), ...withLabel });
    } else {
      const type = String(attachment.contentType);
      result.outputs.push({ kind: "notice", lines: [`[pièce jointe non prise en charge : ${type}]`] });
    }
  }
  if (!text.trim() && attachments.length === 0) result.outputs.push({ kind: "notice", lines: ["(message vide)"] });
  return result;
}

/**
 * The bot's synchronous answer to an invoke: `{ statusCode, type, value }` for
 * `adaptiveCard/action` (a card replacing the one acted on, or a message), or
 * `{ task }` for dialogs. Pure.
 */
export function renderInvokeAnswer(body: unknown, style: TextStyle): RenderedActivity {
  const result: RenderedActivity = { outputs: [], card: null, inDialog: false };
  if (!isJson(body)) return result;
  if (isJson(body.task)) return renderDialog(body.task, style);
  const value = body.value;
  if (typeof body.statusCode === "number" && body.statusCode >= 400) {
    const message = isJson(value) && typeof value.message === "string" ? ` : ${value.message}` : ".";
    result.outputs.push({ kind: "error", lines: [`L'action a échoué (code ${body.statusCode})${message}`] });
  } else if (body.type === ADAPTIVE_CARD && isJson(value)) {
    result.card = value;
    result.outputs.push({ kind: "card", label: "carte mise à jour", lines: renderCard(value, style) });
  } else if (body.type === "application/vnd.microsoft.activity.message") {
    const lines = renderMarkdown(String(value ?? ""), style);
    result.outputs.push({ kind: "message", label: "réponse à l'action", lines });
  }
  return result;
}

function renderDialog(task: Json, style: TextStyle): RenderedActivity {
  const result: RenderedActivity = { outputs: [], card: null, inDialog: true };
  const value = isJson(task.value) ? task.value : {};
  const card = isJson(value.card) && isJson(value.card.content) ? value.card.content : null;
  if (task.type === "continue" && card) {
    result.card = card;
    const label = `fenêtre « ${String(value.title ?? "")} »`;
    result.outputs.push({ kind: "card", label, lines: renderCard(card, style) });
  } else if (task.type === "continue" && typeof value.url === "string") {
    result.outputs.push({ kind: "notice", lines: [`Fenêtre web à ouvrir dans un navigateur : ${value.url}`] });
  } else if (task.type === "message") {
    const lines = renderMarkdown(String(task.value ?? ""), style);
    result.outputs.push({ kind: "message", label: "fenêtre", lines });
  }
  return result;
}
