import type { DbTx } from "../../prisma/create-db.ts";
import type { AgentRole } from "../../prisma/generated/enums.ts";

/** An agent as the bot shows it and the audit log records it. */
export interface AgentView {
  id: number;
  aadObjectId: string;
  name: string;
  role: AgentRole;
  active: boolean;
}

export const agentViewSelect = { id: true, aadObjectId: true, name: true, role: true, active: true } as const;

/** Every agent, active ones first, then by name: who may use the assistant and how. */
export async function listAgents(db: DbTx): Promise<AgentView[]> {
  return db.agent.findMany({ select: agentViewSelect, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

/** The agent's values an audit line keeps (no database id: it is the line's `entityId`). */
export function agentSnapshot(agent: AgentView): Omit<AgentView, "id"> {
  return { aadObjectId: agent.aadObjectId, name: agent.name, role: agent.role, active: agent.active };
}
