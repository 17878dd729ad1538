import type { AgentRole } from "../../prisma/generated/enums.ts";

const rank: Record<AgentRole, number> = { READER: 1, AGENT: 2, ADMIN: 3 };

/**
 * Roles are nested: an admin may do what an agent does, an agent what a reader does.
 * Someone with no role (not an agent) has none of them.
 */
export function hasRole(role: AgentRole | null, required: AgentRole): boolean {
  return role !== null && rank[role] >= rank[required];
}
