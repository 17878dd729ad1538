import type { DbTx } from "../../prisma/create-db.ts";
import { type PollingPlaceState, pollingPlaceState } from "./polling-place-state.ts";

/** A polling place in the list: where it is, where its count stands, who entered it. */
export interface PollingPlaceItem {
  id: number;
  name: string;
  commune: string | null;
  canton: string | null;
  state: PollingPlaceState;
  agents: string[];
}

/** The polling places of an edition (of one canton when `cantonId` is given), by name. */
export async function listPollingPlaces(db: DbTx, editionId: number, cantonId?: number): Promise<PollingPlaceItem[]> {
  const places = await db.pollingPlace.findMany({
    where: { editionId, ...(cantonId === undefined ? {} : { cantonId }) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      acceptedEntryId: true,
      commune: { select: { name: true } },
      canton: { select: { name: true } },
      entries: { orderBy: { enteredAt: "asc" }, select: { agent: { select: { name: true } } } },
    },
  });
  return places.map((place) => ({
    id: place.id,
    name: place.name,
    commune: place.commune?.name ?? null,
    canton: place.canton?.name ?? null,
    state: pollingPlaceState({ acceptedEntryId: place.acceptedEntryId, entryCount: place.entries.length }),
    agents: place.entries.map((e) => e.agent.name),
  }));
}
