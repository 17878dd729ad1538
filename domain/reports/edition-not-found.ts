import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";

/** The refusal for an unknown edition, listing the editions on record so the agent can pick one. */
export async function editionNotFound(db: DbTx, value: string): Promise<DomainError<"EDITION_NOT_FOUND">> {
  const editions = await db.edition.findMany({ select: { year: true }, orderBy: { year: "asc" } });
  return new DomainError("EDITION_NOT_FOUND", { value, known: editions.map((e) => e.year).join(", ") });
}
