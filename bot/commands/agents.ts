import { addAgent } from "../../domain/agents/add-agent.ts";
import { changeAgentRole } from "../../domain/agents/change-agent-role.ts";
import { type AgentView, listAgents } from "../../domain/agents/list-agents.ts";
import { removeAgent } from "../../domain/agents/remove-agent.ts";
import { agentRoleLabels, parseAgentRole } from "../../domain/agents/role-labels.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { Command, CommandContext, Reply } from "./command.ts";

const USAGE = [
  "Gestion des accès (administrateurs) :",
  "- **agent ajouter** <identifiant Azure AD> <rôle> <nom> : donner accès, par exemple `agent ajouter 6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e08 agent Camille Dupouy`",
  "- **agent rôle** <identifiant Azure AD> <rôle> : changer le rôle",
  "- **agent retirer** <identifiant Azure AD> : retirer l'accès (l'historique est conservé)",
  "",
  "Rôles : **lecteur** (consulte), **agent** (consulte et saisit), **admin** (gère aussi les agents). Tapez **agents** pour la liste et les identifiants.",
].join("\n");

/** `agents`: who may use the assistant and with which role (agents and admins). */
export const agentsCommand: Command = {
  name: "agents",
  triggers: ["agents"],
  requires: "AGENT",
  help: "**agents** : qui a accès à l'assistant, avec quel rôle",
  async handle({ deps, user }): Promise<Reply> {
    return { text: renderAgents(await listAgents(deps.db), user.role === "ADMIN") };
  },
};

/** `agent ajouter|rôle|retirer …`: manage access; each change is audited in its transaction (admins). */
export const agentCommand: Command = {
  name: "agent",
  triggers: ["agent"],
  requires: "ADMIN",
  help: "**agent ajouter** / **agent rôle** / **agent retirer** : gérer les accès à l'assistant (administrateurs)",
  async handle(context): Promise<Reply> {
    const [sub = "", ...rest] = context.args.split(/\s+/).filter(Boolean);
    switch (normalizeKey(sub)) {
      case "ajouter":
        return add(context, rest);
      case "role":
        return changeRole(context, rest);
      case "retirer":
        return remove(context, rest);
      default:
        return { text: USAGE };
    }
  },
};

async function add({ deps, user }: CommandContext, [id, roleWord, ...nameWords]: string[]): Promise<Reply> {
  const name = nameWords.join(" ");
  if (!id || !roleWord || !name) return { text: USAGE };
  const role = parseAgentRole(roleWord);
  if (!role) return roleRefusal(roleWord);
  const agent = await deps.db.$transaction((tx) => addAgent(tx, user, { aadObjectId: id, role, name }, deps.now()));
  return {
    text: `C'est fait : **${escapeMarkdown(agent.name)}** a accès à l'assistant avec le rôle ${agentRoleLabels[agent.role]}. Le changement est inscrit au journal d'audit.`,
  };
}

async function changeRole({ deps, user }: CommandContext, [id, roleWord]: string[]): Promise<Reply> {
  if (!id || !roleWord) return { text: USAGE };
  const role = parseAgentRole(roleWord);
  if (!role) return roleRefusal(roleWord);
  const { before, after } = await deps.db.$transaction((tx) => changeAgentRole(tx, user, id, role, deps.now()));
  if (before.role === after.role) {
    return { text: `${escapeMarkdown(after.name)} a déjà le rôle ${agentRoleLabels[after.role]} : rien à changer.` };
  }
  const text = `C'est fait : **${escapeMarkdown(after.name)}** passe du rôle ${agentRoleLabels[before.role]} au rôle ${agentRoleLabels[after.role]}.`;
  return { text: text + envAdminNote(deps.config.BPC40_ADMINS, after) };
}

async function remove({ deps, user }: CommandContext, [id]: string[]): Promise<Reply> {
  if (!id) return { text: USAGE };
  const { before, after: agent } = await deps.db.$transaction((tx) => removeAgent(tx, user, id, deps.now()));
  if (!before.active) return { text: `${escapeMarkdown(agent.name)} n'a déjà plus accès à l'assistant.` };
  const text = `C'est fait : **${escapeMarkdown(agent.name)}** n'a plus accès à l'assistant. Son historique est conservé.`;
  return { text: text + envAdminNote(deps.config.BPC40_ADMINS, agent) };
}

function roleRefusal(word: string): Reply {
  return { text: `« ${word.slice(0, 30)} » n'est pas un rôle. Rôles possibles : **lecteur**, **agent** ou **admin**.` };
}

/** BPC40_ADMINS wins over the table: say so rather than let the admin believe the change took effect. */
function envAdminNote(admins: string[], agent: AgentView): string {
  if (!admins.some((id) => id.toLowerCase() === agent.aadObjectId)) return "";
  return "\n\nRemarque : son identifiant figure dans la variable BPC40_ADMINS ; il reste administrateur tant qu'elle le mentionne.";
}

function renderAgents(agents: AgentView[], showIds: boolean): string {
  const active = agents.filter((agent) => agent.active).length;
  const lines = agents.map((agent) => {
    const state = agent.active ? "actif" : "inactif";
    const id = showIds ? ` · \`${agent.aadObjectId}\`` : "";
    return `- **${escapeMarkdown(agent.name)}** · ${agentRoleLabels[agent.role]} · ${state}${id}`;
  });
  if (agents.length === 0) return "Aucun agent n'est encore enregistré.";
  return [`**Agents de l'assistant** : ${active} actif${active > 1 ? "s" : ""} sur ${agents.length}`, ...lines].join(
    "\n",
  );
}

/** Names are typed by admins: keep them from turning into Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, "\\$1");
}
