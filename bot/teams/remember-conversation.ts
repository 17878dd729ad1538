import { type Activity, TurnContext } from "botbuilder";
import { type SaveOutcome, saveConversationReference } from "../../domain/conversations/save-conversation-reference.ts";
import type { BotDeps } from "../commands/command.ts";
import { activityTenants } from "./is-from-allowed-tenant.ts";
import type { TurnUser } from "./resolve-user.ts";

/**
 * Keeps the conversation reference of the turn (at most one write, none when nothing
 * changed; no query when the read cache knows it stored as is) so the digest and RSVP
 * news can be sent proactively later. The agent is
 * linked only in a personal chat: a channel or group chat belongs to nobody.
 * Returns null for an activity without a user or conversation.
 */
export async function rememberConversation(
  deps: BotDeps,
  activity: Activity,
  user: TurnUser,
): Promise<SaveOutcome | null> {
  if (!activity.from?.id || !activity.conversation?.id || !activity.serviceUrl) return null;
  const conversationType = activity.conversation.conversationType ?? "personal";
  const conversationId = activity.conversation.id;
  const serviceUrl = activity.serviceUrl;
  const tenantId = activityTenants(activity)[0] ?? null;
  const agentId = conversationType === "personal" ? user.agentId : null;
  // The fields the stored row is compared on: when the cache knows them stored, no query at all.
  const key = JSON.stringify([conversationId, serviceUrl, agentId, conversationType, tenantId]);
  let outcome: SaveOutcome = "unchanged";
  await deps.reads.conversations.read(key, async () => {
    const reference = TurnContext.getConversationReference(activity);
    outcome = await saveConversationReference(
      deps.db,
      {
        conversationId,
        conversationType,
        serviceUrl,
        tenantId,
        agentId,
        reference: JSON.parse(JSON.stringify(reference)),
      },
      deps.now(),
    );
    return true;
  });
  return outcome;
}
