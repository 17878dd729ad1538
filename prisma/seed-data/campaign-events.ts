import { parisDaysFrom, parisTime } from "../../domain/dates/paris-time.ts";
import type { EventKind, EventStatus } from "../generated/enums.ts";
import { AGENTS } from "./agents.ts";
import { answer, EVENT_DOMAIN, type EventSeed, type Invitee, SERVICES } from "./build-events.ts";
import { createRng, seedOf } from "./prng.ts";
import {
  ROOM_ASSEMBLY,
  ROOM_COMMITTEES,
  ROOM_DAX,
  ROOM_EMMANUELLI,
  ROOM_OGNOAS,
  ROOM_TYROSSE,
  type RoomFacts,
  roomKey,
} from "./rooms.ts";

const HOUR_MS = 3_600_000;

/** Members of the citizens' commission (20 in all, 6 of them young; a few here, invented). */
const COMMISSION: readonly Invitee[] = [
  { email: "commission.president@example.org", name: "Marie-Hélène Lacaze (présidente)", group: "OTHER" },
  { email: "commission.membre1@example.org", name: "Bernard Tauzin", group: "OTHER" },
  { email: "commission.membre2@example.org", name: "Léa Dubroca", group: "OTHER" },
  { email: "commission.jeune1@example.org", name: "Manon Barthe (membre jeune)", group: "OTHER" },
  { email: "commission.jeune2@example.org", name: "Romain Haurie (membre jeune)", group: "OTHER" },
];

const team = (names: readonly string[]): Invitee[] =>
  AGENTS.filter((a) => names.includes(a.name)).map((a) => ({ email: a.email, name: a.name, group: "OTHER" }));

const DPI = team(["Claire Dufau", "Julien Lartigau", "Sophie Baradat", "Mathieu Lesbats"]);
const FINANCE = team(["Nathalie Darrigrand"]);
const COMMUNICATION = SERVICES.filter((s) => s.group === "COMMUNICATION" || s.group === "PRESS");

interface CampaignEventFacts {
  key: string;
  kind: EventKind;
  title: string;
  description: string;
  /** A fixed date, or days from now (at a Paris hour) for what is still to come. */
  when: Date | { days: number; hour: number; minute?: number };
  hours: number;
  room: RoomFacts | null;
  address?: string;
  status: EventStatus;
  sequence: number;
  organizer: string;
  invitees: readonly Invitee[];
}

const CAMPAIGN: readonly CampaignEventFacts[] = [
  {
    key: "depouillement-2021",
    kind: "VOTE_COUNT",
    title: "Dépouillement des bulletins papier 2021",
    description:
      "Dépouillement des urnes des mairies, des services sociaux et des EHPAD, sous le contrôle de la commission citoyenne.",
    when: parisTime(2021, 12, 2, 9, 0),
    hours: 8,
    room: ROOM_ASSEMBLY,
    status: "HELD",
    sequence: 0,
    organizer: "Claire Dufau",
    invitees: [...COMMISSION, ...DPI],
  },
  {
    key: "lancement-2024",
    kind: "PUBLIC_MEETING",
    title: "Réunion publique de lancement du budget participatif 2024",
    description: "Présentation du règlement, du calendrier et des critères de recevabilité ; questions du public.",
    when: parisTime(2024, 11, 4, 18, 30),
    hours: 2,
    room: ROOM_ASSEMBLY,
    status: "HELD",
    sequence: 0,
    organizer: "Claire Dufau",
    invitees: [...DPI, ...COMMUNICATION],
  },
  {
    key: "atelier-depot-dax-2024",
    kind: "WORKSHOP",
    title: "Atelier d'aide au dépôt des idées (Dax)",
    description: "Les agents aident les habitants à rédiger et chiffrer leur idée avant le 30 novembre.",
    when: parisTime(2024, 11, 14, 17, 30),
    hours: 2,
    room: ROOM_DAX,
    status: "HELD",
    sequence: 1,
    organizer: "Julien Lartigau",
    invitees: team(["Julien Lartigau", "Sophie Baradat"]),
  },
  {
    key: "commission-recevabilite-2024",
    kind: "CITIZENS_COMMISSION",
    title: "Commission citoyenne : recevabilité des idées 2024",
    description: "Examen de l'analyse des idées déposées et validation de la liste soumise au vote.",
    when: parisTime(2025, 2, 11, 14, 0),
    hours: 3,
    room: ROOM_EMMANUELLI,
    status: "HELD",
    sequence: 0,
    organizer: "Claire Dufau",
    invitees: [...COMMISSION, ...DPI],
  },
  {
    key: "stand-saint-sever-2025",
    kind: "STAND",
    title: "Stand d'information sur le vote au marché de Saint-Sever",
    description: "Présentation des projets soumis au vote et aide au vote en ligne.",
    when: parisTime(2025, 5, 10, 9, 0),
    hours: 4,
    room: null,
    address: "Halle aux grains, 40500 Saint-Sever",
    status: "HELD",
    sequence: 0,
    organizer: "Julien Lartigau",
    invitees: team(["Julien Lartigau", "Thomas Castagnet"]),
  },
  {
    key: "stand-soustons-2025",
    kind: "STAND",
    title: "Stand d'information sur le vote au marché de Soustons",
    description: "Annulé : alerte météo (vents violents).",
    when: parisTime(2025, 5, 17, 9, 0),
    hours: 4,
    room: null,
    address: "Place du marché, 40140 Soustons",
    status: "CANCELLED",
    sequence: 1,
    organizer: "Sophie Baradat",
    invitees: team(["Sophie Baradat", "Thomas Castagnet"]),
  },
  {
    key: "commission-bilan-2021",
    kind: "CITIZENS_COMMISSION",
    title: "Commission citoyenne : bilan des projets 2021",
    description: "Point sur les bilans n+1 reçus, les projets abandonnés et les montants versés.",
    when: { days: 12, hour: 14 },
    hours: 3,
    room: ROOM_OGNOAS,
    status: "PLANNED",
    sequence: 0,
    organizer: "Claire Dufau",
    invitees: [...COMMISSION, ...DPI],
  },
  {
    key: "atelier-porteurs-justificatifs",
    kind: "WORKSHOP",
    title: "Atelier porteurs : convention, factures et justificatifs",
    description: "Comment signer la convention, quelles factures envoyer, quand le solde est versé.",
    when: { days: 20, hour: 17, minute: 30 },
    hours: 2,
    room: ROOM_TYROSSE,
    status: "PLANNED",
    sequence: 0,
    organizer: "Sophie Baradat",
    invitees: team(["Sophie Baradat", "Mathieu Lesbats"]),
  },
  {
    key: "point-finances-astre",
    kind: "OTHER",
    title: "Point d'étape avec le service Finances (mandats Astre)",
    description: "Acomptes et soldes à mandater ce mois-ci ; rapprochement des mandats.",
    when: { days: 3, hour: 10 },
    hours: 1,
    room: ROOM_COMMITTEES,
    status: "PLANNED",
    sequence: 2,
    organizer: "Claire Dufau",
    invitees: [...team(["Claire Dufau"]), ...FINANCE],
  },
];

/** Campaign events (meetings, commission, counting, stands), some past, some relative to `now`. */
export function campaignEvents(now: Date): EventSeed[] {
  return CAMPAIGN.map((event) => {
    const rng = createRng(seedOf(`event-${event.key}`));
    const startsAt =
      event.when instanceof Date
        ? event.when
        : parisDaysFrom(now, event.when.days, event.when.hour, event.when.minute ?? 0);
    return {
      uid: `${event.key}@${EVENT_DOMAIN}`,
      kind: event.kind,
      title: event.title,
      description: event.description,
      startsAt,
      endsAt: new Date(startsAt.getTime() + event.hours * HOUR_MS),
      roomKey: event.room ? roomKey(event.room) : null,
      address: event.room ? event.room.address : (event.address ?? null),
      status: event.status,
      sequence: event.sequence,
      organizerAad: AGENTS.find((a) => a.name === event.organizer)?.aadObjectId ?? null,
      invitations: answer(rng, event.invitees, startsAt, event.status, now),
    };
  });
}
