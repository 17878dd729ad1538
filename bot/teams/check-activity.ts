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
  return null;
}
