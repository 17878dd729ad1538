import type { TurnUser } from "../teams/resolve-user.ts";

/** Agents and admins may write; readers may read. */
export function canWrite(user: TurnUser): boolean {
  return user.role === "AGENT" || user.role === "ADMIN";
}

export function writeRefusal(what: string): string {
  return `Désolé, pour ${what} il faut le rôle **agent** ou **admin**. Demandez à un administrateur de l'assistant.`;
}
