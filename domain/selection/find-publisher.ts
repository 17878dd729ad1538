import type { DbTx } from "../../prisma/create-db.ts";

/** Who published an edition's results: the actor of the publication's audit line (null when none is on record). */
export async function findPublisher(db: DbTx, editionId: number): Promise<string | null> {
  const row = await db.auditLog.findFirst({
    where: { action: "selection.publish", entity: "Edition", entityId: String(editionId) },
    select: { actorLabel: true },
    orderBy: { at: "desc" },
  });
  return row?.actorLabel ?? null;
}
