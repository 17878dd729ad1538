import { listUpcomingEvents } from "../../domain/events/list-upcoming-events.ts";
import { formatEventPeriod } from "../../templates/email/format-event-period.ts";
import { describeCounts } from "../cards/event-card.ts";
import type { Command, Reply } from "./command.ts";

/** `événements`: the planned events to come, with their answers so far. */
export const evenementsCommand: Command = {
  name: "événements",
  triggers: ["evenements", "events", "inaugurations"],
  help: "**événements** : les événements à venir et les réponses des invités",
  async handle({ deps }): Promise<Reply> {
    const events = await listUpcomingEvents(deps.db, deps.now());
    if (events.length === 0)
      return { text: "Aucun événement prévu. Pour en organiser un : **inauguration 2022-017**." };
    const lines = events.map(
      (e) =>
        `- **n° ${e.id}** ${e.title} — ${formatEventPeriod(e.startsAt, e.endsAt)}, ${e.place} — ${describeCounts(e)}`,
    );
    return { text: `**Événements à venir** (${events.length})\n\n${lines.join("\n")}\n\nDétail : **événement <n°>**.` };
  },
};
