import type { Db } from "../../prisma/create-db.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import type { ReminderKind } from "./due-reminder.ts";
import { findDueReminders } from "./find-due-reminders.ts";
import type { ReminderSettings } from "./reminder-settings.ts";

export interface ScanResult {
  /** Outbox rows written by this run (to queue after commit). */
  notificationIds: number[];
  created: Record<ReminderKind, number>;
  /** Due today but recorded by an earlier run. */
  alreadyRecorded: number;
}

/**
 * The daily scan: turns every due situation into an outbox row, in one transaction.
 * Running it twice the same day writes nothing new (idempotency keys).
 */
export async function runReminderScan(db: Db, now: Date, settings: ReminderSettings): Promise<ScanResult> {
  return db.$transaction(
    async (tx) => {
      const due = await findDueReminders(tx, now, settings);
      const result: ScanResult = {
        notificationIds: [],
        created: { agreement: 0, report: 0, justifications: 0, event: 0 },
        alreadyRecorded: 0,
      };
      for (const reminder of due) {
        const id = await recordNotification(tx, {
          template: reminder.template,
          recipientEmail: reminder.recipientEmail,
          recipientName: reminder.recipientName,
          payload: reminder.payload,
          idempotencyKey: reminder.idempotencyKey,
          projectId: reminder.projectId,
        });
        if (id === null) {
          result.alreadyRecorded += 1;
          continue;
        }
        result.notificationIds.push(id);
        result.created[reminder.kind] += 1;
      }
      return result;
    },
    { timeout: 60_000 },
  );
}
