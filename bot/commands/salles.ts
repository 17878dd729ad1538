import { findFreeRooms, listRooms } from "../../domain/events/list-rooms.ts";
import { parisInstant, parseFrenchDay, parseWallClock } from "../../domain/events/parse-event-when.ts";
import type { RoomRow } from "../../domain/events/resolve-place.ts";
import { formatEventPeriod } from "../../templates/email/format-event-period.ts";
import type { Command, Reply } from "./command.ts";

const DEFAULT_HOURS = 2;
const USAGE = "Exemple : **salles libres 15/06/2027 18:00** (pour 2 h ; ajoutez la fin : 18:00-21:00).";

const line = (r: RoomRow) => `- **${r.name}** — ${r.site} (${r.capacity} places)`;

/** `salles`: the rooms' catalogue; `salles libres 15/06/2027 18:00[-20:00]`: those free then (2 h by default). */
export const sallesCommand: Command = {
  name: "salles",
  triggers: ["salles", "salle"],
  help: "**salles** : les salles du Département · **salles libres 15/06/2027 18:00** : celles qui sont libres (2 h)",
  async handle({ args, deps }): Promise<Reply> {
    const words = args.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      const rooms = await listRooms(deps.db);
      return { text: `**Salles du Département** (${rooms.length})\n\n${rooms.map(line).join("\n")}` };
    }
    if (words[0]?.toLowerCase() !== "libres" && words[0]?.toLowerCase() !== "libre") return { text: USAGE };
    const day = parseFrenchDay(words[1] ?? "");
    const [from, to] = (words[2] ?? "").split("-");
    const start = parseWallClock(from ?? "");
    const end = to ? parseWallClock(to) : null;
    if (!day || !start || (to && !end)) return { text: `Je n'ai pas compris la date ou l'heure. ${USAGE}` };
    const startsAt = parisInstant(day, start);
    const endsAt = end ? parisInstant(day, end) : new Date(startsAt.getTime() + DEFAULT_HOURS * 3_600_000);
    if (endsAt <= startsAt) return { text: "L'heure de fin doit suivre l'heure de début." };
    const free = await findFreeRooms(deps.db, startsAt, endsAt);
    const when = formatEventPeriod(startsAt, endsAt);
    if (free.length === 0) return { text: `Aucune salle n'est libre le ${when}.` };
    return { text: `**Salles libres** le ${when} (${free.length})\n\n${free.map(line).join("\n")}` };
  },
};
