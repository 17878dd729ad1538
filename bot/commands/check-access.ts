import { hasRole } from "../../domain/agents/has-role.ts";
import { agentRoleLabels } from "../../domain/agents/role-labels.ts";
import type { TurnUser } from "../teams/resolve-user.ts";
import type { Command } from "./command.ts";

/** The only command someone who is not an agent may run. */
export const OPEN_COMMAND = "aide";

const whoMay = {
  READER: "aux agents enregistrés (lecteurs, agents et administrateurs)",
  AGENT: "aux agents et aux administrateurs (rôle **agent** au moins)",
  ADMIN: "aux administrateurs (rôle **admin**)",
} as const;

/** Whether this user may run this command (`aide` is open to everyone). */
export function mayRun(command: Command, user: TurnUser): boolean {
  return command.name === OPEN_COMMAND || hasRole(user.role, command.requires ?? "READER");
}

/**
 * The polite French refusal for a command the user may not run, or null when allowed.
 * Someone unknown is told how to get access (with the id an admin needs), whatever they
 * typed except `aide`; an agent whose role is too low is told which role is needed.
 */
export function refusalFor(command: Command, user: TurnUser, matched = true): string | null {
  if (user.role === null && !matched) return unknownUserRefusal(user);
  if (mayRun(command, user)) return null;
  if (user.role === null) return unknownUserRefusal(user);
  const required = command.requires ?? "READER";
  return `Désolé, la commande **${command.name}** est réservée ${whoMay[required]}. Votre rôle : ${agentRoleLabels[user.role]}. Si vous en avez besoin, demandez à un administrateur.`;
}

function unknownUserRefusal(user: TurnUser): string {
  const id = user.aadObjectId ? ` en lui donnant votre identifiant : \`${user.aadObjectId}\`` : "";
  return [
    "Bonjour ! Je ne vous connais pas encore : l'assistant BPC40 est réservé aux agents enregistrés.",
    `Demandez à un administrateur de vous ajouter${id}.`,
    "En attendant, vous pouvez taper **aide**.",
  ].join("\n\n");
}
