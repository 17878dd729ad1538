import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";
import { labelKey } from "../import/label-key.ts";

/**
 * The canton named as agents type it, without accents, case or punctuation (« dax 1 »,
 * « Cote d'Argent »). Throws `CANTON_NOT_FOUND`.
 */
export async function findCanton(db: DbTx, text: string): Promise<{ id: number; name: string }> {
  const key = labelKey(text);
  const cantons = await db.canton.findMany({ select: { id: true, name: true } });
  const canton = cantons.find((c) => key !== "" && labelKey(c.name) === key);
  if (!canton) throw new DomainError("CANTON_NOT_FOUND", { value: text.trim().slice(0, 60) });
  return canton;
}
