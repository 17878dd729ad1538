import type { Db } from "../../prisma/create-db.ts";
import { type EmailQueue, emailJobId, enqueueEmails } from "../queues/email-queue.ts";

/**
 * Sends failed notifications again, on an agent's demand: back to `PENDING` with a
 * fresh count of attempts, the old failed job removed so the id can be queued again.
 * Returns the ids actually put back (only `FAILED` rows are).
 */
export async function retryNotifications(db: Db, queue: EmailQueue, ids: number[]): Promise<number[]> {
  const failed = await db.notification.findMany({ where: { id: { in: ids }, status: "FAILED" }, select: { id: true } });
  const retried = failed.map((row) => row.id);
  if (retried.length === 0) return [];
  await db.notification.updateMany({
    where: { id: { in: retried }, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, lastError: null },
  });
  for (const id of retried) await queue.remove(emailJobId(id));
  await enqueueEmails(queue, retried);
  return retried;
}
