import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";

/** The edition a vote count works on. */
export interface CountEdition {
  id: number;
  year: number;
  /** Set once the winners are published: the count is then closed. */
  publishedAt: Date | null;
}

/**
 * The edition of `year`, or the latest on record when no year is given (the one whose
 * vote is being counted). Throws `EDITION_NOT_FOUND` listing the editions on record.
 */
export async function findCountEdition(db: DbTx, year?: number): Promise<CountEdition> {
  const editions = await db.edition.findMany({
    select: { id: true, year: true, publishedAt: true },
    orderBy: { year: "desc" },
  });
  const edition = year === undefined ? editions[0] : editions.find((e) => e.year === year);
  if (!edition) {
    throw new DomainError("EDITION_NOT_FOUND", {
      value: year === undefined ? "" : String(year),
      known: editions.map((e) => e.year).join(", "),
    });
  }
  return edition;
}
