import { recordNotification } from "../../domain/notifications/record-notification.ts";
import type { EmailQueue } from "../../jobs/queues/email-queue.ts";
import { emailJobId } from "../../jobs/queues/email-queue.ts";
import type { Db } from "../../prisma/create-db.ts";

/** Records `count` e-mails (template agent-test) to distinct recipients in one transaction; returns their ids. */
export async function recordTestEmails(db: Db, label: string, count: number): Promise<number[]> {
  return db.$transaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 1; i <= count; i++) {
      const id = await recordNotification(tx, {
        template: "agent-test",
        recipientEmail: `porteur${i}@example.org`,
        payload: { recipientName: `Porteur ${i}` },
        idempotencyKey: `${label}:${i}`,
      });
      ids.push(id!);
    }
    return ids;
  });
}

/**
 * "No failed job left unexplained": every job in the e-mail queue's failed set must
 * belong to a FAILED row with a reason. Returns the unexplained ones (expected empty).
 */
export async function unexplainedFailedJobs(db: Db, queue: EmailQueue): Promise<string[]> {
  const failed = await queue.getFailed();
  const rows = await db.notification.findMany({ where: { status: "FAILED" } });
  const explained = new Set(rows.filter((row) => row.lastError).map((row) => emailJobId(row.id)));
  return failed.filter((job) => !explained.has(job.id ?? "")).map((job) => `${job.id} : ${job.failedReason}`);
}
