import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/** A polling place as commands name it. */
export interface NamedPlace {
  id: number;
  name: string;
}

/**
 * The edition's polling place whose name starts the text (accents and case ignored;
 * the longest name wins, so « Mairie de Dax annexe » is not taken for « Mairie de
 * Dax »), and what follows it as typed (a reason, nothing). Throws
 * `POLLING_PLACE_NOT_FOUND` listing the places on record.
 */
export async function findPollingPlace(
  db: DbTx,
  edition: { id: number; year: number },
  text: string,
): Promise<{ place: NamedPlace; rest: string }> {
  const places = await db.pollingPlace.findMany({
    where: { editionId: edition.id },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const typed = text.trim();
  const folded = normalizeKey(typed);
  const matches = places
    .map((place) => ({ place, key: normalizeKey(place.name) }))
    .filter(({ key }) => folded === key || folded.startsWith(`${key} `))
    .sort((a, b) => b.key.length - a.key.length);
  const found = matches[0];
  if (!found) {
    throw new DomainError("POLLING_PLACE_NOT_FOUND", {
      value: typed.slice(0, 60),
      edition: edition.year,
      known: places
        .slice(0, 12)
        .map((p) => p.name)
        .join(", "),
    });
  }
  // The folded key keeps one character per typed one, except for collapsed spaces: cut by words.
  const words = found.key.split(" ").length;
  return { place: found.place, rest: typed.split(/\s+/).slice(words).join(" ") };
}
