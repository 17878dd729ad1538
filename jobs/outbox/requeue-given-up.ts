import type { Db } from "../../prisma/create-db.ts";
import { type EmailQueue, emailJobId, enqueueEmails } from "../queues/email-queue.ts";

const JOB_ID = /^notification-(\d+)$/;

/**
 * Part of the outbox sweep: queues again the rows still `PENDING` whose job sits in the
 * failed set. Such a job used all its attempts on errors that were not the SMTP
 * server's (PostgreSQL down longer than the retries, so the processor could not even
 * mark the row `FAILED`); its id would block the row's next job until BullMQ drops it
 * (7 days). The failed job is removed and the row queued with fresh attempts. Returns
 * how many rows were put back.
 */
export async function requeueGivenUp(db: Db, queue: EmailQueue): Promise<number> {
  const failedJobIds = await queue.getRanges(["failed"], 0, -1);
  const ids = failedJobIds.flatMap((jobId) => {
    const match = JOB_ID.exec(jobId);
    return match ? [Number(match[1])] : [];
  });
  if (ids.length === 0) return 0;
  const pending = await db.notification.findMany({
    where: { id: { in: ids }, status: "PENDING" },
    select: { id: true },
  });
  const requeued = pending.map((row) => row.id);
  for (const id of requeued) await queue.remove(emailJobId(id));
  await enqueueEmails(queue, requeued);
  return requeued.length;
}
