import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { AgentView } from "./list-agents.ts";

/**
 * Refuses a change that would leave no active administrator (nobody could manage the
 * agents any more). The active admins' rows are locked until the transaction ends, so
 * two admins demoting each other at the same moment cannot both succeed.
 */
export async function assertAnotherAdmin(tx: DbTx, agent: AgentView): Promise<void> {
  if (agent.role !== "ADMIN" || !agent.active) return;
  const admins = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT "id" FROM "Agent" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== agent.id)) {
    throw new DomainError("AGENT_LAST_ADMIN", { name: agent.name });
  }
}
