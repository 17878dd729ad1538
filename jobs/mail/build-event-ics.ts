import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import type { EventIcsBlock } from "../../domain/events/event-ics-block.ts";

const TIME_ZONE = "Europe/Paris";

/**
 * The iCalendar text of one invite (or its cancellation), from the notification's
 * `ics` block. Times are written in Europe/Paris with its VTIMEZONE (generated offline
 * by `@touch4it/ical-timezones`); luxon is what lets ical-generator convert a UTC
 * instant to Paris wall-clock time (with a plain Date it would use the process's zone).
 * DTSTAMP is the moment the change was recorded, so rendering stays pure.
 */
export function buildEventIcs(block: EventIcsBlock): string {
  const calendar = ical({
    prodId: { company: "Departement des Landes", product: "BPC40", language: "FR" },
    method: block.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const event = calendar.createEvent({
    id: block.uid,
    sequence: block.sequence,
    stamp: new Date(block.stamp),
    start: DateTime.fromISO(block.start, { zone: "utc" }),
    end: DateTime.fromISO(block.end, { zone: "utc" }),
    timezone: TIME_ZONE,
    summary: block.summary,
    location: block.location,
    description: block.description,
    organizer: block.organizer,
    status: block.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  event.createAttendee({
    email: block.attendee.email,
    ...(block.attendee.name ? { name: block.attendee.name } : {}),
    rsvp: block.method === "REQUEST",
    status: ICalAttendeeStatus.NEEDSACTION,
    role: ICalAttendeeRole.REQ,
  });
  return calendar.toString();
}
