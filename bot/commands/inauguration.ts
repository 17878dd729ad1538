import { DomainError } from "../../domain/errors/domain-error.ts";
import { parseEventLine } from "../../domain/events/parse-event-line.ts";
import { scheduleEvent } from "../../domain/events/schedule-event.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { eventFormFor } from "../cards/event-form-for.ts";
import { actorOf } from "../cards/handle-event-actions.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { refusalReply, scheduledReply } from "./event-replies.ts";

/**
 * `inauguration 2022-017` opens the form; `inauguration 2022-017 15/06/2027
 * 18:00-20:00 <lieu>` schedules at once, inviting the project's default groups
 * (porteur, councillors, mayor, services). The place is a room name or an address.
 */
export async function scheduleInauguration({ args, deps, user }: CommandContext): Promise<Reply> {
  const words = args.trim().split(/\s+/);
  if (!args.trim()) throw new DomainError("REFERENCE_MISSING");
  if (words.length === 1) {
    const reference = normalizeReference(words[0] ?? "");
    if (!reference) throw new DomainError("PROJECT_NOT_FOUND", { reference: args.trim().slice(0, 40) });
    return {
      card: await eventFormFor(deps.db, deps.config, reference),
      summary: `Organiser l'inauguration du projet ${reference}`,
    };
  }
  const parsed = parseEventLine(args);
  if (!parsed.ok) return { text: parsed.problem };
  const result = await scheduleEvent(
    { db: deps.db, config: deps.config, now: deps.now(), actor: actorOf(user) },
    {
      kind: "INAUGURATION",
      projectReference: parsed.line.reference,
      startsAt: parsed.line.startsAt,
      endsAt: parsed.line.endsAt,
      place: parsed.line.place,
    },
  );
  if (!result.ok) return refusalReply(result.problems);
  await deps.outbox.enqueue(result.notificationIds);
  return scheduledReply(result.event);
}

export const inaugurationCommand: Command = {
  name: "inauguration",
  triggers: ["inauguration", "inaugurer"],
  help: "**inauguration 2022-017 15/06/2027 18:00-20:00 Salle Henri-Emmanuelli** : organiser une inauguration et inviter (sans date : le formulaire)",
  requires: "AGENT",
  handle: scheduleInauguration,
};
