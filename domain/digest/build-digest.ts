import type { DbTx } from "../../prisma/create-db.ts";
import { formatDateTime, formatShortDate } from "../dates/format-date.ts";
import { parisDayKey, parisDaysFrom } from "../dates/paris-time.ts";
import { type FailedNotification, outboxOverview } from "../notifications/outbox-overview.ts";
import { findPendingPayments } from "../reminders/find-pending-payments.ts";
import type { ReminderSettings } from "../reminders/reminder-settings.ts";

/** The agents' morning summary: what to do today, what failed, what is coming this week. */
export interface Digest {
  day: string;
  dueToday: string[];
  remindersSentToday: number;
  failed: FailedNotification[];
  comingThisWeek: string[];
}

const LIST_MAX = 10;

export async function buildDigest(db: DbTx, now: Date, settings: ReminderSettings): Promise<Digest> {
  const startOfDay = parisDaysFrom(now, 0);
  const inAWeek = parisDaysFrom(now, 8);
  const [payments, toCountersign, uncheckedInvoices, outbox, remindersSentToday, events, reports] = await Promise.all([
    findPendingPayments(db, now, settings.paymentAfterDays),
    db.agreement.findMany({
      where: { status: "SIGNED_BY_HOLDER" },
      select: { reference: true, holderSignedAt: true, project: { select: { reference: true } } },
      orderBy: { holderSignedAt: "asc" },
      take: LIST_MAX,
    }),
    db.invoice.count({ where: { cancelledAt: null, checks: { none: {} } } }),
    outboxOverview(db, now),
    db.notification.count({ where: { createdAt: { gte: startOfDay }, idempotencyKey: { contains: "-reminder:" } } }),
    db.event.findMany({
      where: { status: "PLANNED", startsAt: { gte: now, lt: inAWeek } },
      select: { title: true, startsAt: true, _count: { select: { invitations: true } } },
      orderBy: { startsAt: "asc" },
      take: LIST_MAX,
    }),
    db.project.findMany({
      where: {
        reportDueAt: { gte: startOfDay, lt: inAWeek },
        reportReceivedAt: null,
        status: { notIn: ["ABANDONED", "CLOSED"] },
      },
      select: { reference: true, title: true, reportDueAt: true },
      orderBy: { reportDueAt: "asc" },
      take: LIST_MAX,
    }),
  ]);
  const dueToday = [
    ...payments.slice(0, LIST_MAX).map((p) => `Versement à saisir dans Astre : ${p.label}`),
    ...toCountersign.map(
      (a) =>
        `Convention ${a.reference} signée par le porteur${a.holderSignedAt ? ` le ${formatShortDate(a.holderSignedAt)}` : ""} : à faire signer par le Département`,
    ),
    ...(uncheckedInvoices ? [`${uncheckedInvoices} facture(s) reçue(s) à contrôler`] : []),
  ];
  const comingThisWeek = [
    ...events.map((e) => `${e.title} · ${formatDateTime(e.startsAt)} · ${e._count.invitations} invité(s)`),
    ...reports.map((p) => `${p.reference} · bilan n+1 attendu le ${formatShortDate(p.reportDueAt!)} (${p.title})`),
  ];
  return { day: parisDayKey(now), dueToday, remindersSentToday, failed: outbox.failed, comingThisWeek };
}

/** One line, for logs and the card's text fallback. */
export function summarizeDigest(digest: Digest): string {
  return `Point du jour : ${digest.dueToday.length} à faire, ${digest.failed.length} e-mail(s) en échec, ${digest.comingThisWeek.length} à venir cette semaine`;
}
