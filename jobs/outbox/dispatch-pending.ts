import type { Db } from "../../prisma/create-db.ts";
import { type EmailQueue, enqueueEmails } from "../queues/email-queue.ts";

const BATCH = 1000;

/**
 * The outbox sweep: puts every `PENDING` notification on the e-mail queue. Run right
 * after a commit that recorded notifications, and periodically, so rows whose job was
 * lost (Redis flushed or restarted without persistence, worker killed) are still sent.
 * Queuing is idempotent (job id = row id) and the processor skips rows already sent.
 */
export async function dispatchPending(db: Db, queue: EmailQueue): Promise<number> {
  let lastId = 0;
  let total = 0;
  for (;;) {
    const rows = await db.notification.findMany({
      where: { status: "PENDING", id: { gt: lastId } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return total;
    await enqueueEmails(
      queue,
      rows.map((row) => row.id),
    );
    total += rows.length;
    lastId = rows[rows.length - 1]!.id;
  }
}
