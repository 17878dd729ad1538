import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from "botbuilder";
import type { BotDeps, Reply } from "../commands/command.ts";
import { runCommand } from "../commands/run-command.ts";

/**
 * The Teams activity handler: the only place where a turn becomes our small
 * `CommandContext`. Commands never see botbuilder types.
 */
export class Bpc40Bot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const logger = this.deps.logger.child({
      activityId: activity.id,
      conversationId: activity.conversation?.id,
    });
    const text = stripMentions(TurnContext.removeRecipientMention(activity) ?? activity.text ?? "");
    const reply = await runCommand(text, {
      user: { aadObjectId: activity.from?.aadObjectId, name: activity.from?.name },
      deps: this.deps,
      logger,
    });
    await context.sendActivity(toActivity(reply));
  }
}

/** Removes `<at>…</at>` tags Teams leaves when the mention entity is missing or not ours. */
export function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, " ").trim();
}

function toActivity(reply: Reply) {
  if ("text" in reply) {
    const message = MessageFactory.text(reply.text);
    message.textFormat = "markdown";
    return message;
  }
  return MessageFactory.attachment(CardFactory.adaptiveCard(reply.card), reply.summary);
}
