import type { DbTx } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { assertAnotherAdmin } from "./assert-another-admin.ts";
import { findAgent } from "./find-agent.ts";
import { type AgentView, agentSnapshot, agentViewSelect } from "./list-agents.ts";

/**
 * Takes an agent's access away, inside the caller's transaction with its audit line.
 * The row is deactivated, not deleted: the payments, checks and audit lines they signed
 * keep their author. Removing the last active administrator is refused; an inactive
 * agent is left as is (nothing written).
 */
export async function removeAgent(
  tx: DbTx,
  actor: AuditActor,
  aadObjectId: string,
  now: Date,
): Promise<{ before: AgentView; after: AgentView }> {
  const before = await findAgent(tx, aadObjectId);
  if (!before.active) return { before, after: before };
  await assertAnotherAdmin(tx, before);
  const after = await tx.agent.update({ where: { id: before.id }, data: { active: false }, select: agentViewSelect });
  await recordAudit(tx, {
    actor,
    action: "agent.remove",
    entity: "Agent",
    entityId: after.id,
    before: agentSnapshot(before),
    after: agentSnapshot(after),
    at: now,
  });
  return { before, after };
}
