import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { createAideCommand } from "./aide.ts";
import type { Command } from "./command.ts";
import { statutCommand } from "./statut.ts";

/** The ordered routing table; help comes last and is the fallback. */
const commands: Command[] = [statutCommand];
const aide = createAideCommand(() => [...commands, aide]);
export const allCommands: readonly Command[] = [...commands, aide];

export interface Route {
  command: Command;
  args: string;
  /** False when nothing matched and help answers instead. */
  matched: boolean;
}

/** Finds the command whose trigger starts the text (accents and case ignored). */
export function routeCommand(text: string): Route {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/);
  const word = words[0] ?? "";
  const folded = normalizeKey(word);
  for (const command of allCommands) {
    if (command.triggers.includes(folded) || command.triggers.includes(word)) {
      return { command, args: trimmed.slice(word.length).trim(), matched: true };
    }
  }
  return { command: aide, args: trimmed, matched: false };
}
