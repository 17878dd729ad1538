import { normalizeKey } from "../text/normalize-key.ts";

export interface RoomRow {
  id: number;
  name: string;
  site: string;
  address: string;
  capacity: number;
}

export type ResolvedPlace =
  | { ok: true; room: RoomRow; address: null }
  | { ok: true; room: null; address: string }
  | { ok: false; problem: string };

/** How an invitation and the agents' lists name a place: the room with its site and address, or the address. */
export function placeLabel(room: Pick<RoomRow, "name" | "site" | "address"> | null, address: string | null): string {
  return room ? `${room.name}, ${room.site}, ${room.address}` : (address ?? "lieu à préciser");
}

/**
 * Reads what the agent typed as the place: a room of the catalogue (its name, accents
 * and case ignored, optionally followed by its site) or else an address. A text
 * starting with « salle » that names no room is refused rather than taken for an
 * address, so a typo does not send invitations to a non-existent place.
 */
export function resolvePlace(text: string, rooms: readonly RoomRow[]): ResolvedPlace {
  const key = normalizeKey(text).replace(/[,.]/g, " ").replace(/\s+/g, " ").trim();
  if (!key) return { ok: false, problem: "Indiquez un lieu : le nom d'une salle (tapez **salles**) ou une adresse." };
  const fold = (s: string) => normalizeKey(s).replace(/[,.]/g, " ").replace(/\s+/g, " ").trim();
  const matches = rooms.filter((room) => key === fold(room.name) || key.startsWith(`${fold(room.name)} `));
  const exact = matches.filter((room) => key === fold(room.name) || key.includes(fold(room.site)));
  const chosen = exact.length === 1 ? exact : matches;
  if (chosen.length === 1 && chosen[0]) return { ok: true, room: chosen[0], address: null };
  if (chosen.length > 1) {
    return {
      ok: false,
      problem: `Plusieurs salles portent ce nom : ${chosen.map((r) => `${r.name} (${r.site})`).join(", ")}. Précisez le site.`,
    };
  }
  if (key.startsWith("salle ")) {
    return {
      ok: false,
      problem: `Je ne connais pas la salle « ${text.trim()} ». Tapez **salles** pour voir le catalogue.`,
    };
  }
  if (key.length < 5) return { ok: false, problem: `« ${text.trim()} » est trop court pour une adresse.` };
  if (text.trim().length > 250) return { ok: false, problem: "L'adresse est trop longue (250 caractères au plus)." };
  return { ok: true, room: null, address: text.trim() };
}
