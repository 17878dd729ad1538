import type { Activity } from "botbuilder";

/**
 * The channel rule: in a team channel the bot answers only messages that @mention it
 * (it must not chime in on colleagues' conversations, should Teams deliver them), and
 * card submissions (`value`, no text), which are addressed to it by construction.
 * Personal and group chats are always for the bot (Teams only delivers group-chat
 * messages that mention it anyway).
 */
export function isAddressedToBot(activity: Partial<Activity>): boolean {
  if (activity.conversation?.conversationType !== "channel") return true;
  if (activity.value !== undefined && !activity.text) return true;
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (entity) => entity.type === "mention" && (entity as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}
