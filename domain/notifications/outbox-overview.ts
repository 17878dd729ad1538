import type { DbTx } from "../../prisma/create-db.ts";

export interface FailedNotification {
  id: number;
  template: string;
  recipientEmail: string;
  lastError: string | null;
  updatedAt: Date;
}

export interface OutboxOverview {
  sentLastWeek: number;
  pending: number;
  failed: FailedNotification[];
}

/** What agents need to know about the e-mails: how many went out, what is waiting, what failed. */
export async function outboxOverview(db: DbTx, now: Date): Promise<OutboxOverview> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [sentLastWeek, pending, failed] = await Promise.all([
    db.notification.count({ where: { status: "SENT", sentAt: { gte: weekAgo } } }),
    db.notification.count({ where: { status: "PENDING" } }),
    db.notification.findMany({
      where: { status: "FAILED" },
      select: { id: true, template: true, recipientEmail: true, lastError: true, updatedAt: true },
      orderBy: { updatedAt: "desc" },
      take: 20,
    }),
  ]);
  return { sentLastWeek, pending, failed };
}
