import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type AgentView, agentViewSelect } from "./list-agents.ts";
import { parseAadObjectId } from "./parse-aad-object-id.ts";

/** The agent with this AAD object id (as typed by an admin), or a French refusal. */
export async function findAgent(tx: DbTx, aadObjectIdText: string): Promise<AgentView> {
  const aadObjectId = parseAadObjectId(aadObjectIdText);
  if (!aadObjectId) throw new DomainError("AGENT_ID_INVALID", { value: aadObjectIdText.slice(0, 60) });
  const agent = await tx.agent.findUnique({ where: { aadObjectId }, select: agentViewSelect });
  if (!agent) throw new DomainError("AGENT_NOT_FOUND", { aadObjectId });
  return agent;
}
