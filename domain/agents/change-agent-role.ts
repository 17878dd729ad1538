import type { DbTx } from "../../prisma/create-db.ts";
import type { AgentRole } from "../../prisma/generated/enums.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { assertAnotherAdmin } from "./assert-another-admin.ts";
import { findAgent } from "./find-agent.ts";
import { type AgentView, agentSnapshot, agentViewSelect } from "./list-agents.ts";

/**
 * Changes an agent's role, inside the caller's transaction with its audit line.
 * Demoting the last active administrator is refused. Same role: nothing written.
 */
export async function changeAgentRole(
  tx: DbTx,
  actor: AuditActor,
  aadObjectId: string,
  role: AgentRole,
  now: Date,
): Promise<{ before: AgentView; after: AgentView }> {
  const before = await findAgent(tx, aadObjectId);
  if (before.role === role) return { before, after: before };
  if (role !== "ADMIN") await assertAnotherAdmin(tx, before);
  const after = await tx.agent.update({ where: { id: before.id }, data: { role }, select: agentViewSelect });
  await recordAudit(tx, {
    actor,
    action: "agent.role",
    entity: "Agent",
    entityId: after.id,
    before: agentSnapshot(before),
    after: agentSnapshot(after),
    at: now,
  });
  return { before, after };
}
