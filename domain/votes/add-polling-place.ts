import type { Db } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { labelKey } from "../import/label-key.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { CountEdition } from "./find-count-edition.ts";

export interface AddPollingPlaceInput {
  edition: CountEdition;
  name: string;
  /** The commune as typed; the place's canton is the commune's. */
  commune: string;
  actor: AuditActor;
  now: Date;
}

/**
 * Records a polling place of an edition (a town hall, a social services office) in its
 * commune, and so its canton, with its audit line. Names are unique per edition whatever
 * their accents and case, so a tally typed as `dépouillement saisir mairie de dax` finds
 * one place. Throws `COMMAND_UNCLEAR` (empty name), `COMMUNE_NOT_FOUND`,
 * `POLLING_PLACE_EXISTS`, `TALLY_EDITION_PUBLISHED`.
 */
export async function addPollingPlace(
  db: Db,
  input: AddPollingPlaceInput,
): Promise<{ id: number; name: string; commune: string; canton: string }> {
  const name = input.name.replace(/\s+/g, " ").trim().slice(0, 120);
  if (!name) {
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: "Indiquez le nom du bureau de vote puis sa commune.",
      usage: "dépouillement bureau ajouter Mairie de Dax, Dax",
    });
  }
  if (input.edition.publishedAt) throw new DomainError("TALLY_EDITION_PUBLISHED", { edition: input.edition.year });
  const key = labelKey(input.commune);
  const communes = (
    await db.commune.findMany({ select: { id: true, name: true, cantonId: true, canton: { select: { name: true } } } })
  ).filter((c) => key && labelKey(c.name) === key);
  const commune = communes[0];
  if (!commune || communes.length > 1) throw new DomainError("COMMUNE_NOT_FOUND", { value: input.commune.trim() });
  return db.$transaction(async (tx) => {
    const existing = await tx.pollingPlace.findMany({ where: { editionId: input.edition.id }, select: { name: true } });
    const same = existing.find((p) => normalizeKey(p.name) === normalizeKey(name));
    if (same) throw new DomainError("POLLING_PLACE_EXISTS", { name: same.name, edition: input.edition.year });
    const place = await tx.pollingPlace.create({
      data: { editionId: input.edition.id, name, communeId: commune.id, cantonId: commune.cantonId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "polling-place.add",
      entity: "PollingPlace",
      entityId: place.id,
      before: null,
      after: { name, commune: commune.name, canton: commune.canton.name, edition: input.edition.year },
      at: input.now,
    });
    return { id: place.id, name, commune: commune.name, canton: commune.canton.name };
  });
}
