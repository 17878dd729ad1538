import type { AgentRole } from "../generated/enums.ts";

export interface AgentFacts {
  /** Fixed, made-up Azure AD object ids, so a re-seed finds the same agents. */
  aadObjectId: string;
  name: string;
  email: string;
  role: AgentRole;
  active: boolean;
  /** Agents who follow projects split the cantons between them (by canton slug). */
  follows: readonly string[];
}

/** The DP&I team and two colleagues from other services (invented people). */
export const AGENTS: readonly AgentFacts[] = [
  {
    aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e01",
    name: "Claire Dufau",
    email: "claire.dufau@landes.example.org",
    role: "ADMIN",
    active: true,
    follows: ["mont-de-marsan-1", "mont-de-marsan-2", "adour-armagnac"],
  },
  {
    aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e02",
    name: "Julien Lartigau",
    email: "julien.lartigau@landes.example.org",
    role: "AGENT",
    active: true,
    follows: ["dax-1", "dax-2", "orthe-et-arrigans", "coteau-de-chalosse", "chalosse-tursan"],
  },
  {
    aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e03",
    name: "Sophie Baradat",
    email: "sophie.baradat@landes.example.org",
    role: "AGENT",
    active: true,
    follows: ["pays-tyrossais", "seignanx", "marensin-sud", "cote-d-argent"],
  },
  {
    aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e04",
    name: "Mathieu Lesbats",
    email: "mathieu.lesbats@landes.example.org",
    role: "AGENT",
    active: true,
    follows: ["grands-lacs", "haute-lande-armagnac", "pays-morcenais-tarusate"],
  },
  {
    aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e05",
    name: "Hélène Pouyanne",
    email: "helene.pouyanne@landes.example.org",
    role: "AGENT",
    active: false,
    follows: [],
  },
  {
    aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e06",
    name: "Nathalie Darrigrand",
    email: "nathalie.darrigrand@landes.example.org",
    role: "READER",
    active: true,
    follows: [],
  },
  {
    aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e07",
    name: "Thomas Castagnet",
    email: "thomas.castagnet@landes.example.org",
    role: "READER",
    active: true,
    follows: [],
  },
];

/** The agent who follows projects of a canton (2019 projects predate the tool: nobody). */
export function followerOf(cantonSlug: string): AgentFacts | undefined {
  return AGENTS.find((agent) => agent.follows.includes(cantonSlug));
}

/** Agents who check invoices and record payments. */
export const CASEWORKERS = AGENTS.filter((agent) => agent.active && agent.role !== "READER");
