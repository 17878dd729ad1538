import type { ScheduledEvent } from "../../domain/events/schedule-event.ts";
import { formatEventPeriod } from "../../templates/email/format-event-period.ts";
import type { Reply } from "./command.ts";

/** A refusal: every French reason, one per line. */
export function refusalReply(problems: readonly string[]): Reply {
  return {
    text:
      problems.length === 1
        ? `Je n'ai rien enregistré : ${problems[0]}`
        : `Je n'ai rien enregistré :\n\n${problems.map((p) => `- ${p}`).join("\n")}`,
  };
}

/** The confirmation after scheduling: when, where, how many invitations leave. */
export function scheduledReply(event: ScheduledEvent): Reply {
  return {
    text: `C'est noté : **${event.title}** (événement n° ${event.id}), ${formatEventPeriod(event.startsAt, event.endsAt)}, ${event.place}.\n\n${event.invited} invitations partent par e-mail, avec l'invitation pour les agendas. Suivez les réponses avec **événement ${event.id}**.`,
  };
}
