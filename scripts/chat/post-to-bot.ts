import { isJson, type Json } from "./read-card.ts";

/** A French message for the user, not a bug: the session shows it and carries on. */
export class ChatProblem extends Error {}

export function unreachableMessage(botUrl: string): string {
  return `Le bot ne répond pas sur ${botUrl} : lancez d'abord \`npm start\`.`;
}

/**
 * POSTs an activity to the bot's messaging endpoint as Teams does, and returns the
 * parsed body of the answer (an invoke's `{ statusCode, type, value }`; nothing for a
 * message). Refusals and an absent bot become a `ChatProblem` saying what to do.
 */
export async function postToBot(botUrl: string, activity: Json, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(botUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const seconds = (timeoutMs / 1000).toLocaleString("fr-FR");
    throw new ChatProblem(
      timedOut ? `Le bot ne répond pas sur ${botUrl} (aucune réponse en ${seconds} s).` : unreachableMessage(botUrl),
    );
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {}
  if (response.status === 401) {
    throw new ChatProblem(
      "Le bot exige un jeton Bot Framework (identifiants MICROSOFT_APP_ID configurés) : le client local ne parle qu'à un bot en mode local, sans identifiants.",
    );
  }
  if (response.status >= 400) {
    const reason = isJson(body) && typeof body.error === "string" ? ` : ${body.error}` : ".";
    throw new ChatProblem(`Le bot a refusé l'activité (HTTP ${response.status})${reason}`);
  }
  return body;
}
