import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { mayRun } from "./check-access.ts";
import type { Command, Reply } from "./command.ts";

/** Builds `aide` from the routing table so the help never lists a command that does not exist. */
export function createAideCommand(commands: () => Command[]): Command {
  return {
    name: "aide",
    readsOnly: true,
    triggers: ["aide", "help", "?"],
    help: "**aide** : la liste des commandes",
    async handle({ args, user }): Promise<Reply> {
      // `aide facture`: the command's detailed help, when it has one.
      const asked = normalizeKey(args.split(/\s+/)[0] ?? "");
      const detailed = asked ? commands().find((c) => c.triggers.includes(asked) && c.details) : undefined;
      if (detailed?.details) return { text: detailed.details };
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
