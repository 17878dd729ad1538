import type { TurnContext } from "botbuilder";
import { buildWelcomeCard } from "../cards/welcome-card.ts";
import { allCommands } from "../commands/route-command.ts";
import { toActivity } from "./to-activity.ts";

/** Help lines of the commands everyone may try first (not the admins' ones, not `aide` itself). */
function welcomeExamples(): string[] {
  return allCommands.filter((command) => command.name !== "aide" && command.requires !== "ADMIN").map((c) => c.help);
}

async function sendWelcome(context: TurnContext, memberName?: string): Promise<void> {
  await context.sendActivity(toActivity(buildWelcomeCard({ memberName, examples: welcomeExamples() })));
}

/**
 * `installationUpdate` "add": welcome the conversation. Teams also sends a
 * `conversationUpdate` with the bot among `membersAdded` for the same installation; only
 * the turn that first recorded the conversation (`firstContact`) welcomes, so the
 * conversation gets one card, not two.
 */
export async function welcomeOnInstall(context: TurnContext, firstContact: boolean): Promise<void> {
  if (firstContact) await sendWelcome(context);
}

/**
 * `conversationUpdate` with `membersAdded`: the bot itself added → one welcome for the
 * conversation (first contact only, as above); a person added to a personal or group
 * chat where the bot is → a welcome naming them. New team members are not greeted in
 * the channel: it would be noise for everyone else.
 */
export async function welcomeOnMembersAdded(context: TurnContext, firstContact: boolean): Promise<void> {
  const activity = context.activity;
  const members = activity.membersAdded ?? [];
  if (members.some((member) => member.id === activity.recipient?.id)) {
    if (firstContact) await sendWelcome(context);
    return;
  }
  if (activity.conversation?.conversationType === "channel") return;
  for (const member of members) await sendWelcome(context, member.name);
}
