import type { DbTx } from "../../prisma/create-db.ts";
import { parisDaysBetween, parisDaysFrom } from "../dates/paris-time.ts";
import { formatEuros } from "../money/format-euros.ts";
import { sumJustified } from "../projects/sum-justified.ts";
import { type DueReminder, periodNumber } from "./due-reminder.ts";
import type { ReminderSettings } from "./reminder-settings.ts";

const MONTH_DAYS = 30;

/**
 * Porteurs who received the advance long ago and have not justified it by checked
 * invoices: the balance waits on them. One reminder a month.
 */
export async function findJustificationReminders(
  db: DbTx,
  now: Date,
  settings: ReminderSettings,
): Promise<DueReminder[]> {
  const advances = await db.payment.findMany({
    where: {
      kind: "ADVANCE",
      status: "SENT",
      sentAt: { lt: parisDaysFrom(now, 1 - settings.invoicesAfterDays) },
      project: {
        status: { in: ["AGREEMENT_SIGNED", "IN_PROGRESS", "COMPLETED", "INAUGURATED"] },
        payments: { none: { kind: "BALANCE", status: "SENT" } },
      },
    },
    select: {
      sentAt: true,
      project: {
        select: {
          id: true,
          reference: true,
          title: true,
          awardedCents: true,
          holder: { select: { name: true, email: true } },
          payments: { where: { status: "SENT" }, select: { amountCents: true } },
        },
      },
    },
    orderBy: { sentAt: "asc" },
  });
  const reminders: DueReminder[] = [];
  const seen = new Set<number>();
  for (const advance of advances) {
    const { project } = advance;
    if (seen.has(project.id)) continue;
    seen.add(project.id);
    const paidCents = project.payments.reduce((sum, p) => sum + p.amountCents, 0);
    const justifiedCents = await sumJustified(db, project.id);
    if (justifiedCents >= paidCents) continue;
    const days = parisDaysBetween(advance.sentAt!, now);
    const n = periodNumber(days, settings.invoicesAfterDays, MONTH_DAYS);
    if (n === null) continue;
    reminders.push({
      kind: "justifications",
      idempotencyKey: `justifications-reminder:${project.reference}:${n}`,
      template: "justifications-reminder",
      recipientEmail: project.holder.email,
      recipientName: project.holder.name,
      payload: {
        holderName: project.holder.name,
        projectReference: project.reference,
        projectTitle: project.title,
        advanceSentAt: advance.sentAt!.toISOString(),
        paidCents,
        justifiedCents,
        awardedCents: project.awardedCents,
      },
      projectId: project.id,
      label: `${project.reference} · factures attendues (versé ${formatEuros(paidCents)}, justifié ${formatEuros(justifiedCents)})`,
    });
  }
  return reminders;
}
