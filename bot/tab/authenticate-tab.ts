import { hasRole } from "../../domain/agents/has-role.ts";
import type { Config } from "../../domain/config/load-config.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import type { Db } from "../../prisma/create-db.ts";
import type { AgentRole } from "../../prisma/generated/enums.ts";
import type { TabTokenVerifier } from "./verify-tab-token.ts";

/** Who is looking at the tab, and with which rights. */
export interface TabUser {
  name: string;
  role: AgentRole;
}

export type TabAuthentication = { ok: true; user: TabUser } | { ok: false; status: 401 | 403; error: string };

export interface TabAuthDeps {
  config: Config;
  db: Db;
  logger: Logger;
  verify: TabTokenVerifier;
}

const refusals = {
  missing: "Connexion Teams requise : ouvrez le tableau de bord depuis l'onglet BPC40 dans Teams.",
  invalid: "Votre jeton Teams n'est pas valide ou a expiré : rechargez l'onglet.",
  unknown:
    "Vous n'êtes pas enregistré comme agent du budget participatif : demandez à un administrateur de vous ajouter (commande « agents »).",
} as const;

/**
 * Reads the `Authorization: Bearer` token the tab got from Teams SSO and maps its `oid`
 * to an active agent (readers and above). BPC40_ADMINS are admins, as in the chat.
 * In local mode (no MICROSOFT_APP_ID) there is no Teams to sign in with: the browser is
 * the local admin, like the local chat client.
 */
export async function authenticateTab(
  deps: TabAuthDeps,
  authorization: string | undefined,
): Promise<TabAuthentication> {
  if (deps.config.localMode) return { ok: true, user: { name: "Administrateur local", role: "ADMIN" } };
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  if (!token) return { ok: false, status: 401, error: refusals.missing };
  const check = await deps.verify(token);
  if (!check.ok) {
    deps.logger.warn({ reason: check.reason }, "tab token refused");
    return { ok: false, status: 401, error: refusals.invalid };
  }
  const { aadObjectId, name } = check.identity;
  if (deps.config.BPC40_ADMINS.includes(aadObjectId))
    return { ok: true, user: { name: name ?? "Administrateur", role: "ADMIN" } };
  const agent = await deps.db.agent.findUnique({
    where: { aadObjectId },
    select: { name: true, role: true, active: true },
  });
  if (!agent?.active || !hasRole(agent.role, "READER")) return { ok: false, status: 403, error: refusals.unknown };
  return { ok: true, user: { name: agent.name, role: agent.role } };
}
