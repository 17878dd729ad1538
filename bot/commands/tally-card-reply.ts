import { enterTally, type TallyOutcome } from "../../domain/votes/enter-tally.ts";
import { getPollingPlace } from "../../domain/votes/get-polling-place.ts";
import { parseTallyLines } from "../../domain/votes/parse-tally-lines.ts";
import type { Db } from "../../prisma/create-db.ts";
import {
  buildPollingPlaceCard,
  type PollingPlaceCardOptions,
  pollingPlaceSummary,
} from "../cards/polling-place-card.ts";
import type { TurnUser } from "../teams/resolve-user.ts";
import type { BotDeps } from "./command.ts";

type Notice = PollingPlaceCardOptions["notice"];

/**
 * A polling place's card, read afresh, with a notice on top after an action (commands and
 * card actions alike; `handledVerbs` is passed in so card actions can use it without a cycle).
 */
export async function placeCardReply(
  db: Db,
  placeId: number,
  handledVerbs: readonly string[],
  notice?: Notice,
): Promise<{ card: Record<string, unknown>; summary: string }> {
  const view = await getPollingPlace(db, placeId);
  const card = buildPollingPlaceCard(view, { handledVerbs, ...(notice ? { notice } : {}) });
  return { card, summary: notice ? `${notice.text} — ${pollingPlaceSummary(view)}` : pollingPlaceSummary(view) };
}

/** What an entry did, in the agent's words: waiting, validated, or in disagreement. */
export function tallyNotice(outcome: TallyOutcome): NonNullable<Notice> {
  const replaced = outcome.replaced ? " (elle remplace votre saisie précédente)" : "";
  if (outcome.status === "VALIDATED") {
    return {
      text: `Bureau validé : votre saisie est identique à celle de ${outcome.agreedWith}. Ses voix comptent dans le total.`,
      tone: "good",
    };
  }
  if (outcome.status === "DISAGREEMENT") {
    return {
      text: `Saisie enregistrée${replaced}, mais elle diffère d'une autre saisie : le bureau n'est pas validé. Vérifiez les lignes ci-dessous sur le procès-verbal ; l'agent qui s'est trompé ressaisit, ou un troisième agent saisit.`,
      tone: "attention",
    };
  }
  return {
    text: `Saisie enregistrée${replaced}. Il faut maintenant celle d'un autre agent : le bureau sera validé si elle est identique.`,
    tone: "default",
  };
}

/**
 * Records the typed or pasted tally of a place for this agent (command and card form
 * alike) and says what it did. Throws the domain's refusals (`TALLY_INVALID` with every
 * line to fix, `TALLY_PLACE_VALIDATED`, `TALLY_EDITION_PUBLISHED`…).
 */
export async function submitTally(
  deps: BotDeps,
  user: TurnUser,
  placeId: number,
  text: string,
): Promise<NonNullable<Notice>> {
  const { lines, problems } = parseTallyLines(text);
  const outcome = await enterTally(deps.db, { placeId, lines, problems, actor: user, now: deps.now() });
  return tallyNotice(outcome);
}
