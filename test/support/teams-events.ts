import { randomUUID } from "node:crypto";
import { AGENT_USER, BOT, TENANT_ID } from "./teams-activity.ts";

type ConversationType = "personal" | "channel" | "groupChat";

interface EventOptions {
  serviceUrl: string;
  conversationType?: ConversationType;
  conversationId?: string;
  from?: { id: string; name: string; aadObjectId: string };
  tenantId?: string;
}

/** The envelope Teams puts around every activity (captured shape, ids invented). */
function envelope(type: string, options: EventOptions): Record<string, unknown> {
  const conversationType = options.conversationType ?? "personal";
  const tenantId = options.tenantId ?? TENANT_ID;
  const from = options.from ?? AGENT_USER;
  const conversationId =
    options.conversationId ??
    (conversationType === "channel"
      ? `19:${randomUUID()}@thread.tacv2`
      : conversationType === "groupChat"
        ? `19:${randomUUID()}@thread.v2`
        : `a:${randomUUID()}`);
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: "msteams",
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: {
      id: conversationId,
      conversationType,
      tenantId,
      ...(conversationType === "personal" ? {} : { isGroup: true }),
    },
    recipient: BOT,
    locale: "fr-FR",
    channelData: {
      tenant: { id: tenantId },
      ...(conversationType === "channel"
        ? { team: { id: "19:team@thread.tacv2" }, channel: { id: conversationId } }
        : {}),
    },
  };
}

/** `conversationUpdate` with `membersAdded` (the bot itself, or people). */
export function teamsMembersAdded(
  options: EventOptions & { members: Array<{ id: string; name?: string; aadObjectId?: string }> },
): Record<string, unknown> {
  return { ...envelope("conversationUpdate", options), membersAdded: options.members };
}

/** `installationUpdate` sent when the app is added to (or removed from) a conversation. */
export function teamsInstallationUpdate(options: EventOptions & { action: "add" | "remove" | "add-upgrade" }) {
  return { ...envelope("installationUpdate", options), action: options.action };
}

/** An `invoke` activity (card action, message extension...). */
export function teamsInvoke(options: EventOptions & { name: string; value: unknown }): Record<string, unknown> {
  return { ...envelope("invoke", options), name: options.name, value: options.value };
}
