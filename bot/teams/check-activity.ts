const ACCOUNT_FIELDS = ["id", "name", "aadObjectId", "role", "conversationType", "tenantId"] as const;

/** Teams ids are a few dozen characters; a channel conversation id about a hundred. */
const MAX_ID_LENGTH = 1024;

/**
 * The minimum an activity needs before the adapter sees it; botbuilder would
 * otherwise throw outside its own error handling. Returns a French reason, or null.
 */
export function checkActivity(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "Le corps de la requête doit être une activité Bot Framework (objet JSON).";
  }
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== "string" || activity.type === "") return "Le champ « type » de l'activité est manquant.";
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (typeof conversation?.id !== "string") return "Le champ « conversation.id » de l'activité est manquant.";
  if (typeof activity.serviceUrl !== "string" || !/^https?:\/\//.test(activity.serviceUrl)) {
    return "Le champ « serviceUrl » de l'activité est manquant ou invalide.";
  }
  if (activity.text !== undefined && typeof activity.text !== "string")
    return "Le champ « text » doit être une chaîne.";
  const from = activity.from as Record<string, unknown> | undefined;
  if (from !== undefined && (typeof from !== "object" || from === null)) return "Le champ « from » est invalide.";
  // The connector client refuses to send a reply whose ids are not strings: the turn would
  // run (and could write) and then fail to answer. Refuse such an activity up front.
  for (const field of ["id", "channelId", "replyToId", "locale"] as const) {
    if (activity[field] !== undefined && typeof activity[field] !== "string")
      return `Le champ « ${field} » doit être une chaîne.`;
  }
  const recipient = activity.recipient as Record<string, unknown> | undefined;
  if (typeof recipient?.id !== "string") return "Le champ « recipient.id » de l'activité est manquant.";
  // The reply echoes these accounts back: the connector client refuses any that is not a string.
  for (const [name, account] of Object.entries({ from, recipient, conversation })) {
    const wrong = ACCOUNT_FIELDS.find((field) => account?.[field] !== undefined && typeof account[field] !== "string");
    if (wrong) return `Le champ « ${name}.${wrong} » doit être une chaîne.`;
  }
  const entities = activity.entities;
  if (
    entities !== undefined &&
    (!Array.isArray(entities) || !entities.every((e) => typeof e === "object" && e !== null))
  )
    return "Le champ « entities » doit être une liste d'objets.";
  // What the conversation reference stores: PostgreSQL refuses NUL and lone surrogates there.
  const stored = [activity.id, activity.channelId, activity.locale, activity.serviceUrl, from, recipient, conversation];
  if (stored.some(hasUnstorableText) || hasUnstorableText((activity.channelData as { tenant?: unknown })?.tenant))
    return "L'activité contient des caractères invalides (NUL ou UTF-16 incomplet).";
  // The connector client sends the conversation id as an HTTP header (x-ms-conversation-id).
  if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(conversation.id as string))
    return "Le champ « conversation.id » contient des caractères invalides.";
  // Both ids go into the URL of the reply: a huge one makes the reply fail after the turn ran.
  const ids = [activity.id, conversation.id] as Array<string | undefined>;
  if (ids.some((id) => (id?.length ?? 0) > MAX_ID_LENGTH)) return "Un identifiant de l'activité est trop long.";
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string somewhere in the value holds NUL or half a surrogate pair. */
function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000") || LONE_SURROGATE.test(value);
  if (typeof value !== "object" || value === null || depth > 8) return false;
  return Object.values(value).some((item) => hasUnstorableText(item, depth + 1));
}
