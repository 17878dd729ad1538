import { DomainError } from "../../domain/errors/domain-error.ts";
import { findCountEdition } from "../../domain/votes/find-count-edition.ts";
import { findPollingPlace } from "../../domain/votes/find-polling-place.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { CommandContext, Reply } from "./command.ts";
import { placeCardReply, submitTally } from "./tally-card-reply.ts";

const USAGE = "dépouillement saisir Mairie de Dax (puis, à la ligne, I2024-0123 125)";

/**
 * Teams may send a pasted block as HTML (`<p>`, `<br>`, a table from Excel): one line per
 * paragraph, line break or table row, cells separated by tabs, other tags dropped.
 */
function plainLines(text: string): string {
  return text
    .replace(/<br\s*\/?>|<\/(p|div|tr)>/gi, "\n")
    .replace(/<\/t[dh]>/gi, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

/**
 * `dépouillement saisir <bureau>` followed, on the next lines, by one line per idea
 * (`I2024-0123 125`, two columns pasted from Excel, or `I2024-0123;125`): the place's card
 * with what the entry did (waiting for a second agent, validated, or the differences).
 */
export async function enterReply({ deps, user }: CommandContext, args: string): Promise<Reply> {
  const [firstLine = "", ...others] = plainLines(args)
    .trim()
    .split(/\r\n|\r|\n/);
  if (!firstLine.trim()) {
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: "Indiquez le bureau de vote sur la première ligne.",
      usage: USAGE,
    });
  }
  const edition = await findCountEdition(deps.db);
  const { place, rest } = await findPollingPlace(deps.db, edition, firstLine);
  // A first tally line typed after the place's name (`saisir Mairie de Dax I2024-0001 12`) counts too.
  const text = [rest, ...others].join("\n");
  const notice = await submitTally(deps, user, place.id, text);
  return placeCardReply(deps.db, place.id, handledCardVerbs(), notice);
}
