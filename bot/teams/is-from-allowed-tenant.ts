import type { Activity } from "botbuilder";

/**
 * Whether an (already authenticated) activity comes from our Microsoft 365 tenant.
 * A valid Bot Framework token only proves the message went through the Bot Framework
 * for our app id; a single-tenant bot must also refuse conversations of other tenants
 * (someone who side-loaded the app elsewhere). Teams gives the tenant twice
 * (`channelData.tenant.id`, `conversation.tenantId`): every copy present must match,
 * and an activity with none is refused. Without a configured tenant (local mode) all pass.
 */
export function isFromAllowedTenant(activity: Partial<Activity>, tenantId: string | undefined): boolean {
  if (!tenantId) return true;
  const found = activityTenants(activity);
  return found.length > 0 && found.every((id) => id.toLowerCase() === tenantId.toLowerCase());
}

/** The tenant ids an activity carries, for the log line of a refusal. */
export function activityTenants(activity: Partial<Activity>): string[] {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const fromConversation = activity.conversation?.tenantId;
  return [fromChannelData, fromConversation].filter((id): id is string => typeof id === "string" && id !== "");
}
