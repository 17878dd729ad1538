import { hasRole } from "../../domain/agents/has-role.ts";
import type { TurnUser } from "../teams/resolve-user.ts";

/** For sub-commands that write while their command only reads (`relances envoyer`, `e-mails réessayer`). */
export function canWrite(user: TurnUser): boolean {
  return hasRole(user.role, "AGENT");
}

export function writeRefusal(what: string): string {
  return `Désolé, pour ${what} il faut le rôle **agent** ou **admin**. Demandez à un administrateur de l'assistant.`;
}
