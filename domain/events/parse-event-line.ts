import { normalizeReference } from "../projects/normalize-reference.ts";
import { parisInstant, parseFrenchDay, parseTimeRange } from "./parse-event-when.ts";

export interface EventLine {
  reference: string;
  startsAt: Date;
  endsAt: Date;
  /** A room name or an address, as typed. */
  place: string;
}

export type EventLineParse = { ok: true; line: EventLine } | { ok: false; problem: string };

const EXAMPLE = "inauguration 2022-017 15/06/2027 18:00-20:00 Salle Henri-Emmanuelli";

/**
 * Reads `2022-017 15/06/2027 18:00-20:00 <lieu>` (what follows `inauguration`). Times
 * are Paris wall-clock times; the result is in UTC. The time range may be written
 * `18h-20h` or `18h à 20h`.
 */
export function parseEventLine(args: string): EventLineParse {
  const match = /^(\S+)\s+(\S+)\s+(\d{1,2}\s*[:h]\s*\d{0,2}\s*(?:-|–|à)\s*\d{1,2}\s*[:h]?\s*\d{0,2})\s+(.+)$/i.exec(
    args.trim(),
  );
  if (!match) return { ok: false, problem: `Je n'ai pas compris. Exemple : **${EXAMPLE}**` };
  const reference = normalizeReference(match[1] ?? "");
  if (!reference) return { ok: false, problem: `« ${match[1]} » n'est pas une référence de projet (ex. 2022-017).` };
  const day = parseFrenchDay(match[2] ?? "");
  if (!day) return { ok: false, problem: `« ${match[2]} » n'est pas une date (jj/mm/aaaa).` };
  const range = parseTimeRange(match[3] ?? "");
  if (!range) return { ok: false, problem: `« ${match[3]} » n'est pas un horaire (ex. 18:00-20:00).` };
  return {
    ok: true,
    line: {
      reference,
      startsAt: parisInstant(day, range.start),
      endsAt: parisInstant(day, range.end),
      place: (match[4] ?? "").trim(),
    },
  };
}
