import { randomUUID } from "node:crypto";
import { AGENT_USER, BOT, TENANT_ID } from "./teams-activity.ts";

interface InvokeOptions {
  serviceUrl: string;
  /** e.g. `adaptiveCard/action`. */
  name: string;
  value?: unknown;
  conversationId?: string;
  /** The id of the bot message whose card carried the action. */
  replyToId?: string;
}

/** An invoke activity shaped like the ones Teams sends (captured shape of an `Action.Execute`, trimmed of ids). */
export function teamsInvoke(options: InvokeOptions): Record<string, unknown> {
  return {
    type: "invoke",
    name: options.name,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: "msteams",
    from: { id: AGENT_USER.id, name: AGENT_USER.name, aadObjectId: AGENT_USER.aadObjectId },
    conversation: {
      id: options.conversationId ?? `a:${randomUUID()}`,
      conversationType: "personal",
      tenantId: TENANT_ID,
    },
    recipient: BOT,
    locale: "fr-FR",
    entities: [{ type: "clientInfo", locale: "fr-FR", country: "FR", platform: "Web", timezone: "Europe/Paris" }],
    channelData: { tenant: { id: TENANT_ID }, source: { name: "message" } },
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    ...(options.value === undefined ? {} : { value: options.value }),
  };
}

/** The `value` of an `adaptiveCard/action` invoke for an `Action.Execute` button. */
export function executeAction(verb: string, data: unknown, title = "Action"): Record<string, unknown> {
  return { action: { type: "Action.Execute", title, verb, data }, trigger: "manual" };
}
