import type { Command, Reply } from "./command.ts";

/** Builds `aide` from the routing table so the help never lists a command that does not exist. */
export function createAideCommand(commands: () => Command[]): Command {
  return {
    name: "aide",
    triggers: ["aide", "help", "?"],
    help: "**aide** : la liste des commandes",
    async handle(): Promise<Reply> {
      const lines = commands().map((command) => `- ${command.help}`);
      return { text: ["Voici ce que je sais faire :", ...lines].join("\n") };
    },
  };
}
