import { CardFactory, type InvokeResponse, MessageFactory, TeamsActivityHandler, TurnContext } from "botbuilder";
import type { BotDeps, Reply } from "../commands/command.ts";
import { runCommand } from "../commands/run-command.ts";
import { unhandledInvoke } from "./invoke-handler.ts";
import { invokeHandlers } from "./invoke-handlers.ts";
import { resolveUser } from "./resolve-user.ts";

/**
 * The Teams activity handler: the only place where a turn becomes our small
 * contexts (`CommandContext`, `InvokeContext`). Commands never see botbuilder types.
 */
export class Bpc40Bot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
  }

  private turnLogger(context: TurnContext) {
    return this.deps.logger.child({
      activityId: context.activity.id,
      conversationId: context.activity.conversation?.id,
    });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const text = stripMentions(TurnContext.removeRecipientMention(activity) ?? activity.text ?? "");
    const user = await resolveUser(this.deps, activity.from);
    const reply = await runCommand(text, { user, deps: this.deps, logger: this.turnLogger(context) });
    await context.sendActivity(toActivity(reply));
  }

  /** Every invoke is routed to our handlers and always gets an answer. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const activity = context.activity;
    const name = activity.name ?? "";
    const handler = invokeHandlers.find((h) => h.names.includes(name));
    if (!handler) return unhandledInvoke(name);
    const value = typeof activity.value === "object" && activity.value !== null ? activity.value : {};
    return handler.handle({
      name,
      value: value as Record<string, unknown>,
      user: await resolveUser(this.deps, activity.from),
      conversation: { id: activity.conversation.id, type: activity.conversation.conversationType },
      deps: this.deps,
      logger: this.turnLogger(context),
      send: async (reply) => {
        await context.sendActivity(toActivity(reply));
      },
    });
  }
}

/** Removes `<at>…</at>` tags Teams leaves when the mention entity is missing or not ours. */
export function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, " ").trim();
}

/** A command's reply as a Teams activity: Markdown text, or an Adaptive Card. */
export function toActivity(reply: Reply) {
  if ("text" in reply) {
    const message = MessageFactory.text(reply.text);
    message.textFormat = "markdown";
    return message;
  }
  return MessageFactory.attachment(CardFactory.adaptiveCard(reply.card), reply.summary);
}
