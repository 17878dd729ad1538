import type { AgentRole } from "../../prisma/generated/enums.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/** The French name of each role, as agents read it. */
export const agentRoleLabels: Record<AgentRole, string> = {
  ADMIN: "administrateur",
  AGENT: "agent",
  READER: "lecteur",
};

const roleWords: Record<string, AgentRole> = {
  lecteur: "READER",
  lectrice: "READER",
  agent: "AGENT",
  admin: "ADMIN",
  administrateur: "ADMIN",
  administratrice: "ADMIN",
};

/** Reads a role typed in French (`lecteur`, `agent`, `admin`; accents and case ignored); null otherwise. */
export function parseAgentRole(word: string): AgentRole | null {
  return roleWords[normalizeKey(word)] ?? null;
}
