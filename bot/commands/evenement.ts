import { formatDate } from "../../domain/dates/format-date.ts";
import { cancelEvent, changeEvent } from "../../domain/events/change-event.ts";
import { getEventOverview } from "../../domain/events/list-upcoming-events.ts";
import { markEventHeld } from "../../domain/events/mark-event-held.ts";
import { parisInstant, parseFrenchDay, parseTimeRange } from "../../domain/events/parse-event-when.ts";
import { formatEventPeriod } from "../../templates/email/format-event-period.ts";
import { buildEventCard, eventCardSummary } from "../cards/event-card.ts";
import { eventFormFor } from "../cards/event-form-for.ts";
import { actorOf } from "../cards/handle-event-actions.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { refusalReply } from "./event-replies.ts";
import { scheduleInauguration } from "./inauguration.ts";

const USAGE = [
  "**événement 12** : la fiche d'un événement et les réponses",
  "**événement modifier 12 16/06/2027 18:00-20:00 [lieu]** : changer la date ou le lieu (les invités reçoivent la mise à jour)",
  '**événement annuler 12 "raison"** : annuler (les invités reçoivent l\'annulation)',
  "**événement tenu 12** : l'événement a eu lieu (une inauguration passe le projet à « inauguré »)",
  "**événement inauguration 2022-017 …** : organiser une inauguration",
  "**événement nouveau** : organiser une réunion publique, une commission citoyenne, un dépouillement, un atelier, un stand…",
].join("\n");

/** `événement …`: show, change, cancel or close an event, or schedule an inauguration. */
export const evenementCommand: Command = {
  name: "événement",
  triggers: ["evenement", "event"],
  help: "**événement nouveau** · **événement 12** · **événement modifier|annuler|tenu 12 …** : organiser et suivre un événement",
  requires: "AGENT",
  async handle(context): Promise<Reply> {
    const [verb = "", ...rest] = context.args.trim().split(/\s+/);
    const tail = rest.join(" ");
    switch (verb.toLowerCase()) {
      case "inauguration":
        return scheduleInauguration({ ...context, args: tail });
      case "nouveau":
      case "nouvel":
      case "creer":
      case "créer":
        return {
          card: await eventFormFor(context.deps.db, context.deps.config, null),
          summary: "Organiser un événement",
        };
      case "modifier":
        return modify(context, tail);
      case "annuler":
        return cancel(context, tail);
      case "tenu":
      case "tenue":
        return held(context, tail);
      default:
        // At most 9 digits: a longer number is no event id and would overflow PostgreSQL's integer.
        if (/^\d{1,9}$/.test(verb)) return show(context, Number(verb));
        return { text: USAGE };
    }
  },
};

const depsOf = ({ deps, user }: CommandContext) => ({
  db: deps.db,
  config: deps.config,
  now: deps.now(),
  actor: actorOf(user),
});

async function show(context: CommandContext, id: number): Promise<Reply> {
  const overview = await getEventOverview(context.deps.db, id);
  if (!overview) return { text: `Je ne trouve aucun événement n° ${id}. Tapez **événements** pour la liste.` };
  return { card: buildEventCard(overview, handledCardVerbs()), summary: eventCardSummary(overview) };
}

async function modify(context: CommandContext, args: string): Promise<Reply> {
  const match = /^(\d{1,9})\s+(\S+)\s+(\S+)(?:\s+(.+))?$/.exec(args.trim());
  const day = match ? parseFrenchDay(match[2] ?? "") : null;
  const range = match ? parseTimeRange(match[3] ?? "") : null;
  if (!match || !day || !range)
    return {
      text: `Je n'ai pas compris. Exemple : **événement modifier 12 16/06/2027 18:00-20:00 Salle des commissions**`,
    };
  const result = await changeEvent(depsOf(context), Number(match[1]), {
    startsAt: parisInstant(day, range.start),
    endsAt: parisInstant(day, range.end),
    ...(match[4] ? { place: match[4] } : {}),
  });
  if (!result.ok) return refusalReply(result.problems);
  await context.deps.outbox.enqueue(result.notificationIds);
  const e = result.event;
  return {
    text: `C'est modifié : **${e.title}** (n° ${e.id}) aura lieu ${formatEventPeriod(e.startsAt, e.endsAt)}, ${e.place}. Les ${e.invitations.length} invités reçoivent la mise à jour (version ${e.sequence}).`,
  };
}

async function cancel(context: CommandContext, args: string): Promise<Reply> {
  const match = /^(\d{1,9})\s*(?:["«“]\s*(.*?)\s*["»”]|(.*))$/.exec(args.trim());
  if (!match) return { text: 'Exemple : **événement annuler 12 "intempéries"**' };
  const reason = (match[2] ?? match[3] ?? "").trim();
  const result = await cancelEvent(depsOf(context), Number(match[1]), reason);
  if (!result.ok) return refusalReply(result.problems);
  await context.deps.outbox.enqueue(result.notificationIds);
  return {
    text: `C'est annulé : **${result.event.title}** (n° ${result.event.id}). Les ${result.event.invitations.length} invités reçoivent l'annulation, qui retire l'événement de leur agenda.`,
  };
}

async function held(context: CommandContext, args: string): Promise<Reply> {
  const id = Number(args.trim());
  if (!Number.isInteger(id) || id <= 0 || id > 999_999_999) return { text: "Exemple : **événement tenu 12**" };
  const result = await markEventHeld(depsOf(context), id);
  if (!result.ok) return refusalReply(result.problems);
  const bilan =
    result.reportDueAt && result.projectReference
      ? ` Le projet ${result.projectReference} est inauguré ; son bilan n+1 est attendu le ${formatDate(result.reportDueAt)}.`
      : "";
  return { text: `C'est noté : **${result.title}** a eu lieu.${bilan}` };
}
