import type { DbTx } from "../../prisma/create-db.ts";
import type { AgentRole } from "../../prisma/generated/enums.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type AgentView, agentSnapshot, agentViewSelect } from "./list-agents.ts";
import { parseAadObjectId } from "./parse-aad-object-id.ts";
import { agentRoleLabels } from "./role-labels.ts";

export interface NewAgent {
  aadObjectId: string;
  role: AgentRole;
  name: string;
}

/**
 * Gives someone access to the assistant, inside the caller's transaction with its audit
 * line. An agent who was removed (inactive) is brought back with the new role and name;
 * an active one is refused, so an admin never changes a role without meaning to.
 */
export async function addAgent(tx: DbTx, actor: AuditActor, input: NewAgent, now: Date): Promise<AgentView> {
  const aadObjectId = parseAadObjectId(input.aadObjectId);
  if (!aadObjectId) throw new DomainError("AGENT_ID_INVALID", { value: input.aadObjectId.slice(0, 60) });
  const name = input.name.trim().slice(0, 120);
  const existing = await tx.agent.findUnique({ where: { aadObjectId }, select: agentViewSelect });
  if (existing?.active) {
    throw new DomainError("AGENT_ALREADY_EXISTS", { name: existing.name, role: agentRoleLabels[existing.role] });
  }
  const agent = existing
    ? await tx.agent.update({
        where: { id: existing.id },
        data: { name, role: input.role, active: true },
        select: agentViewSelect,
      })
    : await tx.agent.create({ data: { aadObjectId, name, role: input.role }, select: agentViewSelect });
  await recordAudit(tx, {
    actor,
    action: "agent.add",
    entity: "Agent",
    entityId: agent.id,
    before: existing ? agentSnapshot(existing) : null,
    after: agentSnapshot(agent),
    at: now,
  });
  return agent;
}
