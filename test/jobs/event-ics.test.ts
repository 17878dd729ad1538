import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { EventIcsBlock } from "../../domain/events/event-ics-block.ts";
import { buildEventIcs } from "../../jobs/mail/build-event-ics.ts";
import { renderNotification } from "../../jobs/mail/render-notification.ts";

const block: EventIcsBlock = {
  uid: "bpc40-event-1234@landes.example.org",
  sequence: 0,
  method: "REQUEST",
  organizer: { name: "Budget participatif des Landes", email: "bpc40@landes.example.org" },
  attendee: { name: "Léa Dufau", email: "lea.dufau@example.org" },
  // Saturday 30 October 2027 at 18:00 Paris (CEST, UTC+2) to 20:00.
  start: "2027-10-30T16:00:00.000Z",
  end: "2027-10-30T18:00:00.000Z",
  stamp: "2027-09-01T08:00:00.000Z",
  summary: "Inauguration : Skatepark de Grenade-sur-l'Adour",
  location: "Skatepark, avenue de la Gare, 40270 Grenade-sur-l'Adour",
  description: "Coupe du ruban, démonstration, pot de l'amitié.",
};

/** Parses with ical.js (Thunderbird's parser), registering the VTIMEZONE the text carries. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe("buildEventIcs (read back with ical.js)", () => {
  it("writes a REQUEST with the stable UID, SEQUENCE, DTSTAMP, ORGANIZER and an ATTENDEE asked to answer", () => {
    const text = buildEventIcs(block);
    const { calendar, vevent, event } = parse(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.uid).toBe(block.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(block.summary);
    expect(event.location).toBe(block.location);
    expect((vevent.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString()).toBe(block.stamp);
    expect(vevent.getFirstPropertyValue("organizer")).toBe("mailto:bpc40@landes.example.org");
    const attendee = vevent.getFirstProperty("attendee");
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe("mailto:lea.dufau@example.org");
    expect(attendee?.getParameter("rsvp")).toBe("TRUE");
    expect(attendee?.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris");
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20271030T180000");
  });

  it("gives the right instants on both sides of the autumn DST change", () => {
    // Saturday 30/10/2027 18:00 Paris is CEST (16:00Z); a week later, 6/11 18:00 is CET (17:00Z).
    const before = parse(buildEventIcs(block)).event;
    expect(before.startDate.zone?.tzid).toBe("Europe/Paris");
    expect(before.startDate.toJSDate().toISOString()).toBe("2027-10-30T16:00:00.000Z");
    expect(before.endDate.toJSDate().toISOString()).toBe("2027-10-30T18:00:00.000Z");
    const after = parse(
      buildEventIcs({ ...block, start: "2027-11-06T17:00:00.000Z", end: "2027-11-06T19:00:00.000Z" }),
    );
    expect(after.event.startDate.toString()).toBe("2027-11-06T18:00:00");
    expect(after.event.startDate.toJSDate().toISOString()).toBe("2027-11-06T17:00:00.000Z");
    // And the spring change: Sunday 28/03/2027 at 03:30 Paris is 01:30Z.
    const spring = parse(
      buildEventIcs({ ...block, start: "2027-03-28T01:30:00.000Z", end: "2027-03-28T02:30:00.000Z" }),
    );
    expect(spring.event.startDate.toString()).toBe("2027-03-28T03:30:00");
    expect(spring.event.startDate.toJSDate().toISOString()).toBe("2027-03-28T01:30:00.000Z");
  });

  it("writes a CANCEL with the same UID and the bumped SEQUENCE", () => {
    const { calendar, vevent, event } = parse(buildEventIcs({ ...block, method: "CANCEL", sequence: 2 }));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.uid).toBe(block.uid);
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("renderNotification with an ics block", () => {
  it("adds the iCalendar part whose METHOD matches, generated from the payload", () => {
    const payload = {
      inviteeName: "Léa Dufau",
      eventTitle: block.summary,
      eventKind: "INAUGURATION",
      startsAt: block.start,
      endsAt: block.end,
      place: block.location,
      ics: block,
    };
    const message = renderNotification(
      { template: "event-invitation", payload },
      { unsubscribeUrl: "https://x.example.org/u" },
    );
    expect(message.icalEvent?.method).toBe("REQUEST");
    expect(message.icalEvent?.content).toContain(`UID:${block.uid}`);
    const plain = renderNotification(
      { template: "event-invitation", payload: { ...payload, ics: undefined } },
      { unsubscribeUrl: "https://x.example.org/u" },
    );
    expect(plain.icalEvent).toBeUndefined();
  });
});
