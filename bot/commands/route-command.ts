import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { agentCommand, agentsCommand } from "./agents.ts";
import { createAideCommand } from "./aide.ts";
import { changerStatutCommand } from "./changer-statut.ts";
import type { Command } from "./command.ts";
import { conventionCommand } from "./convention.ts";
import { depouillementCommand } from "./depouillement.ts";
import { emailsCommand } from "./emails.ts";
import { evenementCommand } from "./evenement.ts";
import { evenementsCommand } from "./evenements.ts";
import { exportAstreCommand } from "./export-astre.ts";
import { factureCommand } from "./facture.ts";
import { ideeCommand } from "./idee.ts";
import { ideesCommand } from "./idees.ts";
import { inaugurationCommand } from "./inauguration.ts";
import { mesProjetsCommand } from "./mes-projets.ts";
import { projetsCommand } from "./projets.ts";
import { rapportCommand } from "./rapport.ts";
import { rechercheCommand } from "./recherche.ts";
import { relancesCommand } from "./relances.ts";
import { sallesCommand } from "./salles.ts";
import { selectionCommand } from "./selection.ts";
import { statutCommand } from "./statut.ts";
import { veilleCommand } from "./veille.ts";
import { versementCommand } from "./versement.ts";

/** The ordered routing table; help comes last; text matching no trigger is a project search. */
const commands: Command[] = [
  statutCommand,
  factureCommand,
  relancesCommand,
  rapportCommand,
  emailsCommand,
  agentsCommand,
  agentCommand,
  projetsCommand,
  mesProjetsCommand,
  evenementCommand,
  evenementsCommand,
  inaugurationCommand,
  sallesCommand,
  rechercheCommand,
  conventionCommand,
  versementCommand,
  exportAstreCommand,
  changerStatutCommand,
  ideesCommand,
  ideeCommand,
  veilleCommand,
  selectionCommand,
  depouillementCommand,
];
const aide = createAideCommand(() => [...commands, aide]);
export const allCommands: readonly Command[] = [...commands, aide];

export interface Route {
  command: Command;
  args: string;
  /** False when no trigger matched and the text is searched as a project query instead. */
  matched: boolean;
}

/** Each trigger's command, the first in the routing table winning. */
const byTrigger = new Map<string, Command>();
for (const command of allCommands) {
  for (const trigger of command.triggers) if (!byTrigger.has(trigger)) byTrigger.set(trigger, command);
}

/** Texts routed lately: a turn routes its text several times (prefetch, freshness, run). */
const routed = new Map<string, Route>();

/** Finds the command whose trigger starts the text (accents and case ignored). Never modify the route it returns. */
export function routeCommand(text: string): Route {
  // A long paste is routed each time rather than kept (a message may weigh up to 256 Kio).
  if (text.length > 500) return findRoute(text);
  let route = routed.get(text);
  if (!route) {
    if (routed.size >= 256) routed.clear();
    route = findRoute(text);
    routed.set(text, route);
  }
  return route;
}

function findRoute(text: string): Route {
  const trimmed = text.trim();
  const word = /^\S*/.exec(trimmed)?.[0] ?? "";
  const command = byTrigger.get(normalizeKey(word)) ?? byTrigger.get(word);
  if (command) return { command, args: trimmed.slice(word.length).trim(), matched: true };
  // Text that is no command is a project search (« skatepark grenade », « 2022-017 »).
  return { command: rechercheCommand, args: trimmed, matched: false };
}
