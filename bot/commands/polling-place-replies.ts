import { DomainError } from "../../domain/errors/domain-error.ts";
import { addPollingPlace } from "../../domain/votes/add-polling-place.ts";
import { findCanton } from "../../domain/votes/find-canton.ts";
import { findCountEdition } from "../../domain/votes/find-count-edition.ts";
import { findPollingPlace } from "../../domain/votes/find-polling-place.ts";
import { listPollingPlaces } from "../../domain/votes/list-polling-places.ts";
import { reopenPollingPlace } from "../../domain/votes/reopen-polling-place.ts";
import { buildPollingPlaceListCard, pollingPlaceListSummary } from "../cards/polling-place-list-card.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { CommandContext, Reply } from "./command.ts";
import { unquote } from "./command-words.ts";
import { placeCardReply } from "./tally-card-reply.ts";

/** `dépouillement bureau ajouter Mairie de Dax, Dax`: the new place's card (with its tally form). */
export async function addPlaceReply({ deps, user }: CommandContext, text: string): Promise<Reply> {
  const comma = text.lastIndexOf(",");
  if (comma === -1) {
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: "Indiquez le nom du bureau, une virgule, puis sa commune.",
      usage: "dépouillement bureau ajouter Mairie de Dax, Dax",
    });
  }
  const edition = await findCountEdition(deps.db);
  const now = deps.now();
  const place = await addPollingPlace(deps.db, {
    edition,
    name: text.slice(0, comma),
    commune: text.slice(comma + 1),
    actor: user,
    now,
  });
  return placeCardReply(deps.db, place.id, handledCardVerbs(), {
    text: `Bureau de vote ajouté à l'édition ${edition.year} (canton ${place.canton}).`,
    tone: "good",
  });
}

/** `dépouillement bureaux [2024] [canton]`: the places and where their count stands. */
export async function listPlacesReply({ deps }: CommandContext, text: string): Promise<Reply> {
  const [first = "", ...rest] = text.split(/\s+/);
  const year = /^\d{4}$/.test(first) ? Number(first) : undefined;
  const cantonText = (year === undefined ? [first, ...rest] : rest).join(" ").trim();
  const edition = await findCountEdition(deps.db, year);
  const canton = cantonText ? await findCanton(deps.db, cantonText) : undefined;
  const places = await listPollingPlaces(deps.db, edition.id, canton?.id);
  const scope = { editionYear: edition.year, canton: canton?.name ?? null };
  return { card: buildPollingPlaceListCard(scope, places), summary: pollingPlaceListSummary(scope, places) };
}

/** `dépouillement bureau Mairie de Dax`: one place's card. */
export async function openPlaceReply({ deps }: CommandContext, text: string): Promise<Reply> {
  const edition = await findCountEdition(deps.db);
  const { place } = await findPollingPlace(deps.db, edition, text);
  return placeCardReply(deps.db, place.id, handledCardVerbs());
}

/** `dépouillement rouvrir Mairie de Dax "erreur de report"` (administrators): the reopened place's card. */
export async function reopenReply({ deps, user }: CommandContext, text: string): Promise<Reply> {
  const edition = await findCountEdition(deps.db);
  const { place, rest } = await findPollingPlace(deps.db, edition, text);
  await reopenPollingPlace(deps.db, { placeId: place.id, reason: unquote(rest), actor: user, now: deps.now() });
  return placeCardReply(deps.db, place.id, handledCardVerbs(), {
    text: "Bureau rouvert : ses saisies sont écartées (gardées au journal d'audit) ; deux agents doivent le saisir de nouveau.",
    tone: "attention",
  });
}
