import type { Db } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";

export interface ReopenPollingPlaceInput {
  placeId: number;
  reason: string;
  actor: AuditActor;
  now: Date;
}

/**
 * Reopens a validated polling place (an administrator found an error in the count):
 * its entries are discarded, so two agents enter it again from scratch and the double
 * entry still decides; the audit line keeps the reason and every discarded figure.
 * Administrators only: the caller checks the role. Throws `REOPEN_REASON_REQUIRED`,
 * `POLLING_PLACE_NOT_VALIDATED`, `TALLY_EDITION_PUBLISHED`.
 */
export async function reopenPollingPlace(db: Db, input: ReopenPollingPlaceInput): Promise<void> {
  const reason = input.reason.trim().slice(0, 500);
  if (!reason) throw new DomainError("REOPEN_REASON_REQUIRED");
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`
      SELECT p."id" FROM "PollingPlace" p JOIN "Edition" e ON e."id" = p."editionId"
      WHERE p."id" = ${input.placeId} FOR UPDATE OF p FOR SHARE OF e`;
    const place = await tx.pollingPlace.findUniqueOrThrow({
      where: { id: input.placeId },
      select: {
        id: true,
        name: true,
        acceptedEntryId: true,
        acceptedAt: true,
        edition: { select: { year: true, publishedAt: true } },
        entries: {
          select: { id: true, agentId: true, enteredAt: true, lines: { select: { ideaId: true, votes: true } } },
        },
      },
    });
    if (place.edition.publishedAt) throw new DomainError("TALLY_EDITION_PUBLISHED", { edition: place.edition.year });
    if (place.acceptedEntryId === null) throw new DomainError("POLLING_PLACE_NOT_VALIDATED", { place: place.name });
    await tx.pollingPlace.update({
      where: { id: place.id },
      data: { acceptedEntryId: null, acceptedAt: null },
      select: { id: true },
    });
    await tx.tallyEntry.deleteMany({ where: { pollingPlaceId: place.id } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "polling-place.reopen",
      entity: "PollingPlace",
      entityId: place.id,
      before: { acceptedEntryId: place.acceptedEntryId, acceptedAt: place.acceptedAt, entries: place.entries },
      after: { acceptedEntryId: null, reason },
      at: input.now,
    });
  });
}
