import { randomUUID } from "node:crypto";

export const BOT = { id: "28:bpc40-bot", name: "BPC40" };
export const AGENT_USER = {
  id: "29:agent-marie",
  name: "Marie Lafitte",
  aadObjectId: "00000000-0000-4000-8000-000000000001",
};
export const TENANT_ID = "72f988bf-0000-4000-8000-00000000cafe";

interface MessageOptions {
  serviceUrl: string;
  text: string;
  conversationType?: "personal" | "channel" | "groupChat";
  conversationId?: string;
  mention?: boolean;
  from?: typeof AGENT_USER;
}

let nextMessageId = 0;

/** A message activity shaped like the ones Teams sends (captured shape, trimmed of ids). */
export function teamsMessage(options: MessageOptions): Record<string, unknown> {
  const type = options.conversationType ?? "personal";
  const from = options.from ?? AGENT_USER;
  const mentionText = `<at>${BOT.name}</at>`;
  const text = options.mention ? `${mentionText} ${options.text}` : options.text;
  const conversationId =
    options.conversationId ??
    (type === "channel" ? `19:dpi-general@thread.tacv2;messageid=${Date.now()}` : `a:${randomUUID()}`);
  return {
    type: "message",
    // Digits like Teams' ids, and unique: tests match replies to their message by replyToId.
    id: `${Date.now()}${String(nextMessageId++ % 10_000).padStart(4, "0")}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: "msteams",
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: {
      id: conversationId,
      conversationType: type,
      tenantId: TENANT_ID,
      ...(type === "channel" ? { isGroup: true, name: "Général" } : {}),
    },
    recipient: BOT,
    textFormat: "plain",
    locale: "fr-FR",
    text,
    entities: [
      ...(options.mention ? [{ type: "mention", text: mentionText, mentioned: BOT }] : []),
      { type: "clientInfo", locale: "fr-FR", country: "FR", platform: "Web", timezone: "Europe/Paris" },
    ],
    channelData: {
      tenant: { id: TENANT_ID },
      ...(type === "channel"
        ? {
            teamsChannelId: "19:dpi-general@thread.tacv2",
            teamsTeamId: "19:team@thread.tacv2",
            channel: { id: "19:dpi-general@thread.tacv2" },
            team: { id: "19:team@thread.tacv2" },
          }
        : {}),
    },
    attachments: options.mention
      ? [
          {
            contentType: "text/html",
            content: `<div><div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${BOT.name}</span> ${options.text}</div></div>`,
          },
        ]
      : [],
  };
}
