import type { DbTx } from "../../prisma/create-db.ts";
import type { Booking } from "./check-event-plan.ts";

/**
 * Locks a room for the rest of the transaction (a PostgreSQL advisory lock), then reads
 * its planned events overlapping `[startsAt, endsAt)`. Two agents booking the same room
 * at once are served one after the other, so the second sees the first's booking.
 */
export async function loadRoomBookings(
  tx: DbTx,
  roomId: number,
  startsAt: Date,
  endsAt: Date,
  exceptEventId?: number,
): Promise<Booking[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4006, ${roomId}::int)`;
  return tx.event.findMany({
    where: {
      roomId,
      status: "PLANNED",
      startsAt: { lt: endsAt },
      endsAt: { gt: startsAt },
      ...(exceptEventId === undefined ? {} : { id: { not: exceptEventId } }),
    },
    select: { id: true, title: true, startsAt: true, endsAt: true },
    orderBy: { startsAt: "asc" },
  });
}
