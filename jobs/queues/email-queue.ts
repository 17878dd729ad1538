import { type ConnectionOptions, Queue } from "bullmq";
import type { Config } from "../../domain/config/load-config.ts";

export const EMAIL_QUEUE = "email";

/** Ids only: the notification row holds the recipient and the data (no personal data in Redis). */
export interface EmailJob {
  notificationId: number;
}

export type EmailQueue = Queue<EmailJob, string, "send">;

/** The job id of a notification: a row is on the queue at most once. */
export function emailJobId(notificationId: number): string {
  return `notification-${notificationId}`;
}

export function createEmailQueue(connection: ConnectionOptions, config: Config): EmailQueue {
  return new Queue<EmailJob, string, "send">(EMAIL_QUEUE, {
    connection,
    prefix: config.REDIS_PREFIX,
    defaultJobOptions: {
      attempts: config.MAIL_ATTEMPTS,
      backoff: { type: "exponential", delay: config.MAIL_BACKOFF_MS },
      // Completed jobs go: a re-queued row is then found `SENT` by the processor and skipped.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

/** Puts notifications on the queue; ids already waiting, delayed or running are left as they are. */
export async function enqueueEmails(queue: EmailQueue, notificationIds: number[]): Promise<void> {
  if (notificationIds.length === 0) return;
  await queue.addBulk(
    notificationIds.map((notificationId) => ({
      name: "send" as const,
      data: { notificationId },
      opts: { jobId: emailJobId(notificationId) },
    })),
  );
}
