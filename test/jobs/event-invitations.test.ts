import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { cancelEvent, changeEvent } from "../../domain/events/change-event.ts";
import { scheduleEvent } from "../../domain/events/schedule-event.ts";
import type { RunningWorkers } from "../../jobs/start-workers.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { type ReceivedMail, SmtpTestServer } from "../support/smtp-test-server.ts";
import { startTestWorker } from "../support/start-test-worker.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const GUESTS = ["elu.test@example.org", "presse.test@example.org"];
const prefix = redisPrefix("event-invitations");
const config = testConfig({ REDIS_PREFIX: prefix, MAIL_RATE_MAX: "1000", MAIL_RATE_WINDOW_MS: "1000" });
let schema: FreshSchema;
let smtp: SmtpTestServer;
let worker: RunningWorkers;

beforeAll(async () => {
  schema = await freshSchema("event_invitations");
  await seed(schema.db, { now: NOW });
  smtp = await new SmtpTestServer().start();
  worker = await startTestWorker({ ...config, DATABASE_SCHEMA: schema.schema }, schema.db, smtp.url);
});

afterAll(async () => {
  await worker?.close();
  await smtp?.stop();
  await schema?.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

/** The iCalendar part of a received e-mail, parsed by ical.js. */
function calendarOf(mail: ReceivedMail | undefined) {
  const part = mail?.parsed.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) throw new Error(`no text/calendar part in ${mail?.parsed.subject}`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    attendee: String(vevent.getFirstPropertyValue("attendee")).toLowerCase(),
  };
}

const byRecipient = (mails: ReceivedMail[]) => [...mails].sort((a, b) => (a.to[0] ?? "").localeCompare(b.to[0] ?? ""));

describe("an event's e-mails through the queue to a real SMTP server", () => {
  it("invites, sends an update with a bumped SEQUENCE, then a CANCEL with the same UID", async () => {
    const deps = { db: schema.db, config, now: NOW, actor: { agentId: null, name: "Camille Agent" } };
    // Saturday 30 October 2027, 18:00-20:00 Paris (summer time, UTC+2).
    const scheduled = await scheduleEvent(deps, {
      kind: "INAUGURATION",
      projectReference: "2022-017",
      startsAt: parisTime(2027, 10, 30, 18),
      endsAt: parisTime(2027, 10, 30, 20),
      place: "Skatepark, avenue de la Gare, 40270 Grenade-sur-l'Adour",
      groups: [],
      extraEmails: GUESTS,
    });
    if (!scheduled.ok) throw new Error(scheduled.problems.join(" / "));
    await worker.sweep();
    const invitations = byRecipient(await smtp.waitFor(2));
    const uid = scheduled.event.uid;
    for (const [i, mail] of invitations.entries()) {
      const ics = calendarOf(mail);
      expect(ics).toMatchObject({ method: "REQUEST", uid, sequence: 0, start: "2027-10-30T16:00:00.000Z" });
      expect(mail.raw).toMatch(/Content-Type: text\/calendar;[^\n]*method=REQUEST/i);
      expect(ics.attendee).toBe(`mailto:${GUESTS[i]}`);
      expect(mail.parsed.subject).toContain("Invitation");
      expect(mail.parsed.text).toContain("samedi 30 octobre 2027, de 18 h 00 à 20 h 00");
      expect(mail.parsed.text).toContain("/rsvp?token=");
    }

    // Moved a week later, across the change to winter time: 18:00 Paris is now 17:00Z.
    const changed = await changeEvent(deps, scheduled.event.id, {
      startsAt: parisTime(2027, 11, 6, 18),
      endsAt: parisTime(2027, 11, 6, 20),
    });
    if (!changed.ok) throw new Error(changed.problems.join(" / "));
    await worker.sweep();
    const updates = byRecipient((await smtp.waitFor(4)).slice(2));
    for (const mail of updates) {
      expect(calendarOf(mail)).toMatchObject({
        method: "REQUEST",
        uid,
        sequence: 1,
        start: "2027-11-06T17:00:00.000Z",
      });
      expect(mail.parsed.subject).toContain("Invitation modifiée");
      expect(mail.parsed.text).toContain("Cette invitation remplace la précédente");
      expect(mail.parsed.text).toContain("samedi 6 novembre 2027, de 18 h 00 à 20 h 00");
    }

    const cancelled = await cancelEvent(deps, scheduled.event.id, "travaux non terminés");
    if (!cancelled.ok) throw new Error(cancelled.problems.join(" / "));
    await worker.sweep();
    const cancels = byRecipient((await smtp.waitFor(6)).slice(4));
    for (const mail of cancels) {
      const ics = calendarOf(mail);
      expect(ics).toMatchObject({ method: "CANCEL", uid, sequence: 2 });
      expect(mail.raw).toMatch(/Content-Type: text\/calendar;[^\n]*method=CANCEL/i);
      expect(mail.parsed.subject).toContain("Annulation");
      expect(mail.parsed.text).toContain("travaux non terminés");
    }
    // Running the same change again sends nothing more (idempotency keys carry the sequence).
    expect(await cancelEvent(deps, scheduled.event.id, "x")).toMatchObject({ ok: false });
    await worker.sweep();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(6);
  });
});
