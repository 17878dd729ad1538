import { mayRun } from "./check-access.ts";
import type { Command, Reply } from "./command.ts";

/** Builds `aide` from the routing table so the help never lists a command that does not exist. */
export function createAideCommand(commands: () => Command[]): Command {
  return {
    name: "aide",
    triggers: ["aide", "help", "?"],
    help: "**aide** : la liste des commandes",
    async handle({ user }): Promise<Reply> {
      // Only what this user may run: a reader is not shown the admins' commands.
      const lines = commands()
        .filter((command) => mayRun(command, user))
        .map((command) => `- ${command.help}`);
      if (user.role === null)
        lines.push("", "Pour utiliser l'assistant, demandez à un administrateur de vous ajouter.");
      return { text: ["Voici ce que je sais faire :", ...lines].join("\n") };
    },
  };
}
