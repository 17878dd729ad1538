import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDaysFrom, parisTime } from "../../domain/dates/paris-time.ts";
import { findDueReminders } from "../../domain/reminders/find-due-reminders.ts";
import { reminderSettings } from "../../domain/reminders/reminder-settings.ts";
import { runReminderScan } from "../../domain/reminders/run-reminder-scan.ts";
import { seed } from "../../prisma/seed.ts";
import { isTemplateName, renderEmail } from "../../templates/email/render-email.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = parisTime(2026, 11, 28, 7, 0);
const settings = reminderSettings(testConfig());
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("scan");
  await seed(schema.db, { now: NOW });
});
afterAll(async () => {
  await schema?.drop();
});

describe("the daily reminder scan", () => {
  it("finds the due situations the seed leaves, of every kind, and each renders", async () => {
    const due = await findDueReminders(schema.db, NOW, settings);
    const kinds = new Set(due.map((d) => d.kind));
    expect(kinds).toEqual(new Set(["agreement", "report", "justifications", "event"]));
    for (const reminder of due) {
      expect(isTemplateName(reminder.template)).toBe(true);
      const email = renderEmail(reminder.template, reminder.payload, { unsubscribeUrl: "http://localhost/u" });
      expect(email.subject.length).toBeGreaterThan(5);
    }
  });

  it("writes outbox rows once: a second run the same day writes nothing new", async () => {
    const first = await runReminderScan(schema.db, NOW, settings);
    expect(first.notificationIds.length).toBeGreaterThan(0);
    const count = await schema.db.notification.count();
    const second = await runReminderScan(schema.db, parisTime(2026, 11, 28, 18, 30), settings);
    expect(second.notificationIds).toEqual([]);
    expect(second.alreadyRecorded).toBe(first.notificationIds.length);
    expect(await schema.db.notification.count()).toBe(count);
  });

  it("reminds an unsigned convention after the threshold, then once per period", async () => {
    const project = await schema.db.project.findFirstOrThrow({
      where: { agreements: { none: {} }, status: { in: ["WINNER", "AGREEMENT_PENDING"] } },
      select: { id: true, reference: true },
    });
    await schema.db.agreement.create({
      data: {
        projectId: project.id,
        reference: `CONV-TEST-${project.reference}`,
        amountCents: 100000,
        status: "SENT",
        sentAt: parisDaysFrom(NOW, -14, 10),
      },
    });
    const key = (n: number) => `agreement-reminder:CONV-TEST-${project.reference}:${n}`;
    const keysAt = async (now: Date) => (await findDueReminders(schema.db, now, settings)).map((d) => d.idempotencyKey);
    expect(await keysAt(NOW)).not.toContain(key(1));
    expect(await keysAt(parisDaysFrom(NOW, 1, 7))).toContain(key(1));
    expect(await keysAt(parisDaysFrom(NOW, 15, 7))).toContain(key(1));
    expect(await keysAt(parisDaysFrom(NOW, 16, 7))).toContain(key(2));
  });

  it("sends only the latest bilan n+1 stage reached (30 days before, on the day, 15 days after)", async () => {
    const project = await schema.db.project.findFirstOrThrow({
      where: { status: "IN_PROGRESS" },
      select: { id: true, reference: true },
    });
    const dueAt = parisDaysFrom(NOW, 40, 12);
    await schema.db.project.update({ where: { id: project.id }, data: { reportDueAt: dueAt, reportReceivedAt: null } });
    const stageAt = async (now: Date) =>
      (await findDueReminders(schema.db, now, settings)).find((d) => d.kind === "report" && d.projectId === project.id)
        ?.payload.stage;
    expect(await stageAt(NOW)).toBeUndefined();
    expect(await stageAt(parisDaysFrom(NOW, 10, 7))).toBe("before");
    expect(await stageAt(parisDaysFrom(NOW, 40, 7))).toBe("due");
    expect(await stageAt(parisDaysFrom(NOW, 54, 7))).toBe("due");
    expect(await stageAt(parisDaysFrom(NOW, 55, 7))).toBe("after");
  });

  it("reminds invitees 7 and 1 days before, never those who declined nor for a cancelled event", async () => {
    const startsAt = parisDaysFrom(NOW, 7, 18);
    const event = await schema.db.event.create({
      data: {
        uid: "test-scan@bpc40.example.org",
        kind: "PUBLIC_MEETING",
        title: "Réunion publique de test",
        startsAt,
        endsAt: parisDaysFrom(NOW, 7, 20),
        address: "Salle des fêtes, Tartas",
        invitations: {
          create: [
            { email: "oui@example.org", rsvp: "ACCEPTED" },
            { email: "non@example.org", rsvp: "DECLINED" },
            { email: "peut-etre@example.org" },
          ],
        },
      },
    });
    const emailsAt = async (now: Date) =>
      (await findDueReminders(schema.db, now, settings))
        .filter((d) => d.kind === "event" && d.idempotencyKey.includes(event.uid))
        .map((d) => d.recipientEmail)
        .sort();
    expect(await emailsAt(NOW)).toEqual(["oui@example.org", "peut-etre@example.org"]);
    expect(await emailsAt(parisDaysFrom(NOW, 3, 7))).toEqual([]);
    expect(await emailsAt(parisDaysFrom(NOW, 6, 7))).toEqual(["oui@example.org", "peut-etre@example.org"]);
    await schema.db.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });
    expect(await emailsAt(parisDaysFrom(NOW, 6, 7))).toEqual([]);
  });
});
