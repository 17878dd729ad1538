import { DomainError } from "../../domain/errors/domain-error.ts";
import { knownStatusWords, parseProjectStatus, setProjectStatus } from "../../domain/projects/set-project-status.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { takeReference } from "./command-words.ts";

const USAGE = 'changer statut 2022-017 réalisé "travaux terminés le 3 juin"';

/**
 * `changer statut 2022-017 <statut> "raison"`: sets a project's status by hand, with the
 * reason kept and audited (réalisé, inauguré, abandonné… or a correction). Its own
 * first word, so it never clashes with the `statut 2022-017` look-up nor the `projet(s)`
 * list. Agents only.
 */
export const changerStatutCommand: Command = {
  name: "changer statut",
  triggers: ["changer"],
  help: '**changer statut 2022-017 réalisé "raison"** : change le statut d\'un projet à la main, avec la raison',
  requires: "AGENT",
  async handle({ args, user, deps }: CommandContext): Promise<Reply> {
    const body = /^statut\s+(.*)$/isu.exec(args.trim());
    if (!body || !normalizeKey(args).startsWith("statut")) throw unclear("Je sais changer le statut d'un projet.");
    const { reference, rest } = takeReference(body[1] ?? "", USAGE);
    const quote = /["«“]/u.exec(rest);
    const statusText = (quote ? rest.slice(0, quote.index) : rest).trim();
    const reason = quote
      ? rest
          .slice(quote.index)
          .trim()
          .replace(/^["«“]\s*/u, "")
          .replace(/\s*["»”]$/u, "")
          .trim()
      : "";
    const status = parseProjectStatus(statusText);
    if (!status)
      throw new DomainError("PROJECT_STATUS_UNKNOWN", { value: statusText.slice(0, 40), known: knownStatusWords() });
    if (!reason) throw unclear("Indiquez la raison entre guillemets.");
    const { before, after } = await setProjectStatus(deps.db, {
      reference,
      status,
      reason,
      actor: user,
      now: deps.now(),
    });
    return {
      text: `Projet ${reference} : statut « ${projectStatusLabels[before]} » → « ${projectStatusLabels[after]} » (raison : ${reason}).`,
    };
  },
};

function unclear(problem: string): DomainError {
  return new DomainError("COMMAND_UNCLEAR", { problem, usage: USAGE });
}
