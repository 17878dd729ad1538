import { CardFactory, MessageFactory } from "botbuilder";
import type { Reply } from "../commands/command.ts";

/** A command's reply as a Teams activity: Markdown text, or an Adaptive Card. */
export function toActivity(reply: Reply) {
  if ("text" in reply) {
    const message = MessageFactory.text(reply.text);
    message.textFormat = "markdown";
    return message;
  }
  return MessageFactory.attachment(CardFactory.adaptiveCard(reply.card), reply.summary);
}
