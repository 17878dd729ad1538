import type { DbTx } from "../../prisma/create-db.ts";
import { formatShortDate } from "../dates/format-date.ts";
import { parisDaysBetween, parisDaysFrom } from "../dates/paris-time.ts";
import type { DueReminder } from "./due-reminder.ts";
import type { ReminderSettings } from "./reminder-settings.ts";

/**
 * Bilan n+1 reminders (e.g. 30 days before, on the day, 15 days after). Only the
 * latest stage reached is due, so a scan that missed days does not send them all.
 */
export async function findReportReminders(db: DbTx, now: Date, settings: ReminderSettings): Promise<DueReminder[]> {
  const offsets = settings.reportDays;
  if (offsets.length === 0) return [];
  const earliest = offsets[0]!;
  const projects = await db.project.findMany({
    where: {
      reportDueAt: { lt: parisDaysFrom(now, earliest + 1) },
      reportReceivedAt: null,
      status: { notIn: ["ABANDONED", "CLOSED", "REPORT_RECEIVED"] },
    },
    select: {
      id: true,
      reference: true,
      title: true,
      reportDueAt: true,
      holder: { select: { name: true, email: true } },
    },
    orderBy: { reportDueAt: "asc" },
  });
  return projects.flatMap((project) => {
    const dueAt = project.reportDueAt!;
    const daysUntil = parisDaysBetween(now, dueAt);
    const reached = offsets.filter((offset) => daysUntil <= offset);
    const offset = reached.at(-1);
    if (offset === undefined) return [];
    const stage = offset > 0 ? "before" : offset === 0 ? "due" : "after";
    const when =
      daysUntil > 0
        ? `dû le ${formatShortDate(dueAt)}`
        : daysUntil === 0
          ? "dû aujourd'hui"
          : `en retard de ${-daysUntil} jours`;
    return [
      {
        kind: "report" as const,
        idempotencyKey: `report-reminder:${project.reference}:${offset}`,
        template: "report-reminder" as const,
        recipientEmail: project.holder.email,
        recipientName: project.holder.name,
        payload: {
          holderName: project.holder.name,
          projectReference: project.reference,
          projectTitle: project.title,
          dueAt: dueAt.toISOString(),
          stage,
        },
        projectId: project.id,
        label: `${project.reference} · bilan n+1 ${when}`,
      },
    ];
  });
}
