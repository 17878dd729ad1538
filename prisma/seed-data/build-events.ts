import type { EventKind, EventStatus, InviteeGroup, Rsvp } from "../generated/enums.ts";
import type { ProjectSeed } from "./build-projects.ts";
import type { InaugurationSeed } from "./follow-up-types.ts";
import { createRng, type Rng, seedOf } from "./prng.ts";
import { Timeline } from "./timeline.ts";

export const EVENT_DOMAIN = "bpc40.landes.example.org";

export interface InvitationSeed {
  email: string;
  name: string;
  group: InviteeGroup;
  rsvp: Rsvp;
  respondedAt: Date | null;
}

export interface EventSeed {
  /** Stable iCalendar UID: a re-seed finds the event, and calendars keep it across updates. */
  uid: string;
  kind: EventKind;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** `site|name` of a Département room, or null when the event is on site. */
  roomKey: string | null;
  address: string | null;
  status: EventStatus;
  sequence: number;
  organizerAad: string | null;
  invitations: InvitationSeed[];
}

export interface Invitee {
  email: string;
  name: string;
  group: InviteeGroup;
}

/** The Département services invited to every inauguration (DOMAIN.md, step 5). */
export const SERVICES: readonly Invitee[] = [
  { email: "cabinet.president@landes.example.org", name: "Cabinet du Président", group: "CABINET" },
  { email: "communication@landes.example.org", name: "Direction de la communication", group: "COMMUNICATION" },
  { email: "secretariat.elus@landes.example.org", name: "Secrétariat des élus", group: "SECRETARIAT" },
  { email: "redaction.landes@example.org", name: "Correspondant de la presse locale", group: "PRESS" },
];

const HOUR_MS = 3_600_000;

/** The inauguration events of a project, with the porteur, the canton's councillors, the mayor and the services invited. */
export function inaugurationEvents(
  project: ProjectSeed,
  inaugurations: readonly InaugurationSeed[],
  now: Date,
): EventSeed[] {
  return inaugurations.map((inauguration) => {
    const rng = createRng(seedOf(`inauguration-${project.reference}${inauguration.uidSuffix}`));
    const invitees: Invitee[] = [
      { email: project.holder.email, name: project.holder.contactName, group: "HOLDER" },
      ...project.canton.officials.map((o) => ({ email: o.email, name: o.name, group: "COUNCILLOR" as const })),
      { email: project.commune.mayorEmail, name: project.commune.mayorName, group: "MAYOR" },
      ...SERVICES,
    ];
    return {
      uid: `inauguration-${project.reference}${inauguration.uidSuffix}@${EVENT_DOMAIN}`,
      kind: "INAUGURATION",
      title: `Inauguration : ${project.title}`,
      description: `Inauguration du projet ${project.reference}, lauréat du budget participatif citoyen ${project.year}, porté par ${project.holder.name}.`,
      startsAt: inauguration.startsAt,
      endsAt: new Date(inauguration.startsAt.getTime() + 1.5 * HOUR_MS),
      roomKey: null,
      address: `${project.idea.site}, ${project.commune.postcode} ${project.commune.name}`,
      status: inauguration.status,
      sequence: inauguration.sequence,
      organizerAad: project.followerAad,
      invitations: answer(rng, invitees, inauguration.startsAt, inauguration.status, now),
    };
  });
}

/**
 * Answers of the invitees: most answered a past event; for a coming one many have not
 * answered yet. Answers come after the invitations went out (three weeks before).
 */
export function answer(
  rng: Rng,
  invitees: readonly Invitee[],
  startsAt: Date,
  status: EventStatus,
  now: Date,
): InvitationSeed[] {
  const timeline = new Timeline(rng, now);
  const sentAt = new Date(startsAt.getTime() - 21 * 24 * HOUR_MS);
  const latest = new Date(Math.min(startsAt.getTime(), now.getTime()) - HOUR_MS);
  const weights: [Rsvp, number][] =
    status === "HELD"
      ? [
          ["ACCEPTED", 0.55],
          ["DECLINED", 0.25],
          ["TENTATIVE", 0.1],
          ["NEEDS_ACTION", 0.1],
        ]
      : [
          ["ACCEPTED", 0.35],
          ["DECLINED", 0.15],
          ["TENTATIVE", 0.15],
          ["NEEDS_ACTION", 0.35],
        ];
  // Invitations of an event more than three weeks away have not gone out: nobody answered yet.
  const invited = sentAt < latest;
  return invitees.map((invitee) => {
    const drawn = weighted(rng, weights);
    const respondedAt = timeline.after(sentAt, 1, 14, latest);
    const rsvp = invited ? drawn : "NEEDS_ACTION";
    return { ...invitee, rsvp, respondedAt: rsvp === "NEEDS_ACTION" ? null : respondedAt };
  });
}

function weighted<T>(rng: Rng, weights: readonly [T, number][]): T {
  let draw = rng.next();
  for (const [value, weight] of weights) {
    if (draw < weight) return value;
    draw -= weight;
  }
  return (weights.at(-1) as [T, number])[0];
}
