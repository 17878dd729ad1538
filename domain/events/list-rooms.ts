import type { DbTx } from "../../prisma/create-db.ts";
import { overlaps } from "./overlaps.ts";
import type { RoomRow } from "./resolve-place.ts";

/** The Département's rooms, by site then name. */
export async function listRooms(db: DbTx): Promise<RoomRow[]> {
  return db.room.findMany({
    select: { id: true, name: true, site: true, address: true, capacity: true },
    orderBy: [{ site: "asc" }, { name: "asc" }],
  });
}

/** The rooms with no planned event overlapping `[startsAt, endsAt)`. */
export async function findFreeRooms(db: DbTx, startsAt: Date, endsAt: Date): Promise<RoomRow[]> {
  const [rooms, busy] = await Promise.all([
    listRooms(db),
    db.event.findMany({
      where: { roomId: { not: null }, status: "PLANNED", startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      select: { roomId: true, startsAt: true, endsAt: true },
    }),
  ]);
  const taken = new Set(busy.filter((b) => overlaps(b, { startsAt, endsAt })).map((b) => b.roomId));
  return rooms.filter((room) => !taken.has(room.id));
}
