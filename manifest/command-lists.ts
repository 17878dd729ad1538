import type { Command } from "../bot/commands/command.ts";

/** Teams shows at most 10 commands a list, titles up to 32 characters, descriptions up to 128. */
export const MAX_COMMANDS = 10;
const MAX_TITLE = 32;
const MAX_DESCRIPTION = 128;
const SCOPES = ["personal", "team", "groupChat"] as const;

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface CommandList {
  scopes: (typeof SCOPES)[number][];
  commands: ManifestCommand[];
}

const roleRank = { READER: 0, AGENT: 1, ADMIN: 2 } as const;

/**
 * The bot's command menu, one list per scope, from the routing table itself so Teams never
 * suggests a command the bot does not know. `aide` comes first; when there are more than
 * Teams allows, the commands every agent may run are kept before the administrators' ones
 * (routing order otherwise).
 */
export function toCommandLists(commands: readonly Command[]): CommandList[] {
  const ranked = commands
    .map((command, index) => ({ command, index }))
    .sort((a, b) => rank(a.command) - rank(b.command) || a.index - b.index)
    .slice(0, MAX_COMMANDS)
    .map(({ command }) => toManifestCommand(command));
  return SCOPES.map((scope) => ({ scopes: [scope], commands: ranked }));
}

function rank(command: Command): number {
  return command.name === "aide" ? -1 : roleRank[command.requires ?? "READER"];
}

function toManifestCommand(command: Command): ManifestCommand {
  if (command.name.length > MAX_TITLE) {
    throw new Error(`Le nom de commande « ${command.name} » dépasse ${MAX_TITLE} caractères, la limite de Teams.`);
  }
  return { title: command.name, description: truncate(describe(command), MAX_DESCRIPTION) };
}

/** The help line as plain text, without a leading "name :" that would repeat the title above it. */
function describe(command: Command): string {
  const help = plainText(command.help);
  const prefix = `${command.name} : `;
  if (!help.startsWith(prefix)) return help; // starts with an example such as "statut 2022-017": keep it as typed
  const rest = help.slice(prefix.length);
  return rest.charAt(0).toLocaleUpperCase("fr-FR") + rest.slice(1);
}

/** The help line without its Markdown (Teams shows command descriptions as plain text). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:·/-]+$/, "")}…`;
}
