import { registerBootstrapAdmin } from "../../domain/agents/register-bootstrap-admin.ts";
import type { AgentRole } from "../../prisma/generated/enums.ts";
import type { BotDeps } from "../commands/command.ts";

/** Who is speaking, as far as the bot's rules go. */
export interface TurnUser {
  aadObjectId: string | undefined;
  name: string | undefined;
  /** The agent's id in our table, when known. */
  agentId: number | null;
  /** Null for someone who is not an agent: they may read nothing personal. */
  role: AgentRole | null;
}

/**
 * Finds the agent behind a Teams user by AAD object id (from the read cache after the
 * turn's sync). The administrators listed in
 * BPC40_ADMINS are admins whatever the table says (their row is created at first
 * contact, see `registerBootstrapAdmin`); in local mode (no
 * credentials, the local chat client) the speaker is an admin.
 */
export async function resolveUser(
  deps: BotDeps,
  from: { aadObjectId?: string | undefined; name?: string | undefined } | undefined,
): Promise<TurnUser> {
  const aadObjectId = from?.aadObjectId;
  const base = { aadObjectId, name: from?.name };
  const agent = aadObjectId
    ? await deps.reads.agents.read(aadObjectId, () =>
        deps.db.agent.findUnique({ where: { aadObjectId }, select: { id: true, role: true, active: true } }),
      )
    : null;
  if (aadObjectId && deps.config.BPC40_ADMINS.includes(aadObjectId)) {
    // First contact of a configured admin: give them a row so their changes are audited with an id.
    const agentId = agent?.id ?? (await registerBootstrapAdmin(deps.db, { aadObjectId, name: from?.name }, deps.now()));
    return { ...base, agentId, role: "ADMIN" };
  }
  if (agent?.active) return { ...base, agentId: agent.id, role: agent.role };
  if (deps.config.localMode) return { ...base, agentId: agent?.id ?? null, role: "ADMIN" };
  return { ...base, agentId: null, role: null };
}
