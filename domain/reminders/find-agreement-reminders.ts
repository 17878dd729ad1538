import type { DbTx } from "../../prisma/create-db.ts";
import { parisDaysBetween, parisDaysFrom } from "../dates/paris-time.ts";
import { type DueReminder, periodNumber } from "./due-reminder.ts";
import type { ReminderSettings } from "./reminder-settings.ts";

/** Conventions sent and still unsigned by the porteur: a reminder per period. */
export async function findAgreementReminders(db: DbTx, now: Date, settings: ReminderSettings): Promise<DueReminder[]> {
  const sentBefore = parisDaysFrom(now, 1 - settings.agreementAfterDays);
  const agreements = await db.agreement.findMany({
    where: { status: "SENT", sentAt: { lt: sentBefore }, project: { status: { notIn: ["ABANDONED", "CLOSED"] } } },
    select: {
      reference: true,
      sentAt: true,
      project: {
        select: { id: true, reference: true, title: true, holder: { select: { name: true, email: true } } },
      },
    },
    orderBy: { sentAt: "asc" },
  });
  return agreements.flatMap((agreement) => {
    const sentAt = agreement.sentAt!;
    const days = parisDaysBetween(sentAt, now);
    const n = periodNumber(days, settings.agreementAfterDays, settings.agreementEveryDays);
    if (n === null) return [];
    const { project } = agreement;
    return [
      {
        kind: "agreement" as const,
        idempotencyKey: `agreement-reminder:${agreement.reference}:${n}`,
        template: "agreement-reminder" as const,
        recipientEmail: project.holder.email,
        recipientName: project.holder.name,
        payload: {
          holderName: project.holder.name,
          projectReference: project.reference,
          projectTitle: project.title,
          agreementReference: agreement.reference,
          sentAt: sentAt.toISOString(),
          daysSinceSent: days,
          reminderNumber: n,
        },
        projectId: project.id,
        label: `${project.reference} · convention ${agreement.reference} non signée depuis ${days} jours (relance n° ${n})`,
      },
    ];
  });
}
