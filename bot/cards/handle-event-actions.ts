import { hasRole } from "../../domain/agents/has-role.ts";
import { getEventOverview } from "../../domain/events/list-upcoming-events.ts";
import { markEventHeld } from "../../domain/events/mark-event-held.ts";
import { parisInstant, parseFrenchDay, parseWallClock } from "../../domain/events/parse-event-when.ts";
import { scheduleEvent } from "../../domain/events/schedule-event.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { EventKind, InviteeGroup } from "../../prisma/generated/enums.ts";
import { cardAnswer, cardMessage } from "../teams/card-action-answers.ts";
import type { InvokeAnswer, InvokeContext } from "../teams/invoke-handler.ts";
import type { TurnUser } from "../teams/resolve-user.ts";
import { buildEventCard } from "./event-card.ts";
import { eventFormFor } from "./event-form-for.ts";

const AGENTS_ONLY = "Désolé, l'organisation des événements est réservée aux agents.";
const FORM_FIELDS = [
  "kind",
  "title",
  "date",
  "start",
  "end",
  "roomId",
  "address",
  "description",
  "groups",
  "extraEmails",
];

/** The project a form or action names: absent means an event without a project; malformed is refused. */
function referenceOf(data: Record<string, unknown>): { ok: true; reference: string | null } | { ok: false } {
  if (data.reference === undefined || data.reference === null || data.reference === "")
    return { ok: true, reference: null };
  const reference = typeof data.reference === "string" ? normalizeReference(data.reference) : null;
  return reference ? { ok: true, reference } : { ok: false };
}

/** Who the audit log names for a Teams user. */
export function actorOf(user: TurnUser) {
  return { agentId: user.agentId, name: user.name, aadObjectId: user.aadObjectId };
}

/** The verbs of the event cards, for `handledCardVerbs` (set by bot/teams/card-actions.ts). */
export type HandledVerbs = () => string[];

/** `event.form`: the inauguration form of the project named in `data.reference`, or a blank event form. */
export async function openEventForm(context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> {
  if (!hasRole(context.user.role, "AGENT")) return cardMessage(AGENTS_ONLY);
  const target = referenceOf(data);
  if (!target.ok)
    return cardMessage("Cette action ne désigne aucun projet valide (référence attendue, par exemple 2022-017).");
  return cardAnswer(await eventFormFor(context.deps.db, context.deps.config, target.reference));
}

/**
 * `event.save`: validates the form again on the server (Teams' checks are cosmetic),
 * schedules and invites; a refusal shows the form again with its French reasons.
 */
export function saveEvent(handledVerbs: HandledVerbs) {
  return async (context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> => {
    if (!hasRole(context.user.role, "AGENT")) return cardMessage(AGENTS_ONLY);
    const { db, config } = context.deps;
    const target = referenceOf(data);
    if (!target.ok) return cardMessage("Ce formulaire ne désigne aucun projet valide.");
    const { reference } = target;
    const values = Object.fromEntries(
      FORM_FIELDS.map((f) => [f, typeof data[f] === "string" ? (data[f] as string).slice(0, 2000) : ""]),
    ) as Record<string, string>;
    const again = (problems: string[]) => eventFormFor(db, config, reference, { values, problems }).then(cardAnswer);
    const day = parseFrenchDay(values.date ?? "");
    const start = parseWallClock(values.start ?? "");
    const end = parseWallClock(values.end ?? "");
    const kind = Object.hasOwn(EventKind, values.kind ?? "") ? (values.kind as EventKind) : null;
    const problems = [
      ...(kind ? [] : ["Choisissez le type d'événement."]),
      ...(kind === "INAUGURATION" && !reference
        ? ["Une inauguration se rattache à un projet : ouvrez le formulaire depuis sa fiche."]
        : []),
      ...(!reference && !(values.title ?? "").trim() ? ["Indiquez l'intitulé de l'événement."] : []),
      ...(day ? [] : ["Indiquez une date valide."]),
      ...(start && end ? [] : ["Indiquez une heure de début et une heure de fin (hh:mm)."]),
    ];
    if (!day || !start || !end || !kind || problems.length > 0) return again(problems);
    const roomId = /^\d+$/.test(values.roomId ?? "") ? Number(values.roomId) : null;
    if (roomId === null && !(values.address ?? "").trim())
      return again(["Choisissez une salle ou indiquez une adresse."]);
    const groups = (values.groups ?? "")
      .split(",")
      .map((g) => g.trim())
      .filter((g): g is InviteeGroup => Object.hasOwn(InviteeGroup, g));
    const result = await scheduleEvent(
      { db, config, now: context.deps.now(), actor: actorOf(context.user) },
      {
        kind,
        projectReference: reference,
        title: values.title ?? "",
        description: values.description ?? "",
        startsAt: parisInstant(day, start),
        endsAt: parisInstant(day, end),
        roomId,
        place: values.address ?? "",
        groups,
        extraEmails: (values.extraEmails ?? "").split(/[\s,;]+/),
      },
    );
    if (!result.ok) return again(result.problems);
    await context.deps.outbox.enqueue(result.notificationIds);
    const overview = await getEventOverview(db, result.event.id);
    return overview ? cardAnswer(buildEventCard(overview, handledVerbs())) : cardMessage("Événement enregistré.");
  };
}

const MAX_INT4 = 2_147_483_647;

function eventIdOf(data: Record<string, unknown>): number | null {
  // Only a number or digits: Number() of an object calls its own « toString » key, which JSON can set.
  const raw = data.eventId;
  const id = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  // An id beyond PostgreSQL's integer would make the query itself fail: no such event.
  return Number.isInteger(id) && id > 0 && id <= MAX_INT4 ? id : null;
}

/** `event.refresh`: the event card read afresh (answers come in by e-mail links). */
export function refreshEvent(handledVerbs: HandledVerbs) {
  return async (context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> => {
    if (!hasRole(context.user.role, "READER"))
      return cardMessage("Désolé, le suivi des événements est réservé aux agents.");
    const id = eventIdOf(data);
    const overview = id === null ? null : await getEventOverview(context.deps.db, id);
    if (!overview) return cardMessage("Cet événement n'existe plus.");
    return cardAnswer(buildEventCard(overview, handledVerbs()));
  };
}

/** `event.held`: the event took place (an inauguration moves its project to INAUGURATED). */
export function holdEvent(handledVerbs: HandledVerbs) {
  return async (context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> => {
    if (!hasRole(context.user.role, "AGENT")) return cardMessage(AGENTS_ONLY);
    const id = eventIdOf(data);
    if (id === null) return cardMessage("Cette action ne désigne aucun événement.");
    const { db, config } = context.deps;
    const result = await markEventHeld({ db, config, now: context.deps.now(), actor: actorOf(context.user) }, id);
    if (!result.ok) return cardMessage(result.problems.join("\n"));
    const overview = await getEventOverview(db, id);
    return overview ? cardAnswer(buildEventCard(overview, handledVerbs())) : cardMessage("Événement tenu.");
  };
}
