import { randomUUID } from "node:crypto";
import { AGENTS } from "../../prisma/seed-data/agents.ts";
import type { Json } from "./read-card.ts";

const demoAdmin = AGENTS.find((agent) => agent.role === "ADMIN" && agent.active);

/**
 * Who speaks in the local chat: the demo data's administrator (fixed AAD object id),
 * so the bot finds a real agent in its table, as it would for a Teams user.
 */
export const LOCAL_AGENT = {
  id: "29:1chat-local-agent",
  name: demoAdmin?.name ?? "Agent local",
  aadObjectId: demoAdmin?.aadObjectId ?? "00000000-0000-4000-8000-0000000000c1",
};

/** The bot as Teams names it in `recipient` (`28:` + app id in Teams). */
export const BOT_ACCOUNT = { id: "28:bpc40-bot", name: "BPC40" };

/** A made-up tenant (the Département's, in Teams). */
export const LOCAL_TENANT_ID = "72f988bf-0000-4000-8000-00000000c4a7";

/** A personal (1:1) conversation id shaped like Teams' (`a:` + opaque id). */
export function newConversationId(): string {
  return `a:1chat-local-${randomUUID()}`;
}

export interface TeamsActivityOptions {
  type: "message" | "invoke";
  serviceUrl: string;
  conversationId: string;
  text?: string;
  /** Card data (`Action.Submit` message, invoke value). */
  value?: unknown;
  /** Invoke name, e.g. `adaptiveCard/action`. */
  name?: string;
  /** The message the activity answers (the card an action comes from). */
  replyToId?: string;
  now?: Date;
}

/**
 * An activity shaped like the ones Teams posts to a bot in a personal chat (same
 * fields as the captured fixtures in `test/support/teams-activity.ts`): channel
 * `msteams`, tenant in `channelData`, `fr-FR`, a clientInfo entity in Europe/Paris.
 */
export function buildTeamsActivity(options: TeamsActivityOptions): Json {
  const now = options.now ?? new Date();
  const isCardSubmit = options.type === "message" && options.value !== undefined;
  return {
    type: options.type,
    id: `${now.getTime()}${Math.floor(Math.random() * 1000)}`,
    timestamp: now.toISOString(),
    localTimestamp: parisLocalTimestamp(now),
    serviceUrl: options.serviceUrl,
    channelId: "msteams",
    from: { ...LOCAL_AGENT },
    conversation: { id: options.conversationId, conversationType: "personal", tenantId: LOCAL_TENANT_ID },
    recipient: { ...BOT_ACCOUNT },
    locale: "fr-FR",
    ...(options.type === "message" ? { textFormat: "plain" } : {}),
    ...(options.text !== undefined ? { text: options.text } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.replyToId !== undefined ? { replyToId: options.replyToId } : {}),
    entities: [{ type: "clientInfo", locale: "fr-FR", country: "FR", platform: "Web", timezone: "Europe/Paris" }],
    channelData: {
      tenant: { id: LOCAL_TENANT_ID },
      ...(isCardSubmit ? { postBack: true } : {}),
      ...(options.type === "invoke" ? { source: { name: "message" }, legacy: { replyToId: options.replyToId } } : {}),
    },
    ...(options.type === "message" ? { attachments: [] } : {}),
  };
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "longOffset" });

/** `2025-06-03T18:00:00.000+02:00`: the user's local time, as Teams sends `localTimestamp`. */
function parisLocalTimestamp(now: Date): string {
  const name = offsetFormat.formatToParts(now).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const sign = match?.[1] === "-" ? -1 : 1;
  const minutes = match ? sign * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const local = new Date(now.getTime() + minutes * 60_000).toISOString().slice(0, -1);
  const offset = match ? `${match[1]}${match[2]}:${match[3]}` : "+00:00";
  return `${local}${offset}`;
}
