import { formatDateTime } from "../dates/format-date.ts";
import { type Interval, overlaps } from "./overlaps.ts";

export interface PlannedRoom {
  name: string;
  capacity: number;
}

export interface Booking extends Interval {
  id: number;
  title: string;
}

export interface EventPlan extends Interval {
  room: PlannedRoom | null;
  inviteeCount: number;
  /** Other planned events in the same room (any time; those overlapping are refused). */
  bookings: Booking[];
  /** Addresses the agent typed that are not e-mail addresses. */
  badEmails: string[];
}

/**
 * The refusals an event plan gets, in French, each naming what is wrong (empty: the
 * plan is acceptable). Pure: the caller loads the room's bookings and gives `now`.
 */
export function checkEventPlan(plan: EventPlan, now: Date): string[] {
  const problems: string[] = [];
  if (plan.startsAt.getTime() <= now.getTime()) {
    problems.push(`La date du ${formatDateTime(plan.startsAt)} est passée : choisissez une date à venir.`);
  }
  if (plan.endsAt.getTime() <= plan.startsAt.getTime()) {
    problems.push("L'heure de fin doit suivre l'heure de début.");
  }
  if (plan.room) {
    for (const booking of plan.bookings) {
      if (overlaps(plan, booking)) {
        problems.push(
          `La salle ${plan.room.name} est déjà réservée pour « ${booking.title} » (événement n° ${booking.id}, du ${formatDateTime(booking.startsAt)} au ${formatDateTime(booking.endsAt)}).`,
        );
      }
    }
    if (plan.inviteeCount > plan.room.capacity) {
      problems.push(
        `La salle ${plan.room.name} accueille ${plan.room.capacity} personnes, pour ${plan.inviteeCount} invités : choisissez une salle plus grande.`,
      );
    }
  }
  for (const email of plan.badEmails) problems.push(`« ${email} » n'est pas une adresse e-mail valide.`);
  return problems;
}
