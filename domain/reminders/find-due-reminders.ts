import type { DbTx } from "../../prisma/create-db.ts";
import type { DueReminder } from "./due-reminder.ts";
import { findAgreementReminders } from "./find-agreement-reminders.ts";
import { findEventReminders } from "./find-event-reminders.ts";
import { findJustificationReminders } from "./find-justification-reminders.ts";
import { findReportReminders } from "./find-report-reminders.ts";
import type { ReminderSettings } from "./reminder-settings.ts";

/** Every reminder due at `now`, whether or not it was already recorded. */
export async function findDueReminders(db: DbTx, now: Date, settings: ReminderSettings): Promise<DueReminder[]> {
  const groups = await Promise.all([
    findAgreementReminders(db, now, settings),
    findJustificationReminders(db, now, settings),
    findReportReminders(db, now, settings),
    findEventReminders(db, now, settings),
  ]);
  return groups.flat();
}

/** The keys among `reminders` that the outbox already holds (sent, pending or failed). */
export async function recordedKeys(db: DbTx, reminders: DueReminder[]): Promise<Set<string>> {
  if (reminders.length === 0) return new Set();
  const rows = await db.notification.findMany({
    where: { idempotencyKey: { in: reminders.map((r) => r.idempotencyKey) } },
    select: { idempotencyKey: true },
  });
  return new Set(rows.map((row) => row.idempotencyKey));
}
