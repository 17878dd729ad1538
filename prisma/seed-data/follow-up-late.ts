import { addDays, parisDaysFrom, parisTime } from "../../domain/dates/paris-time.ts";
import { buildInvoices, type CheckPlan, justifiedCents } from "./build-invoices.ts";
import { earlierOf, type FollowUpKit, laterOf } from "./follow-up-kit.ts";
import type { AgreementSeed, FollowUpSeed, InaugurationSeed, InvoiceSeed, PaymentSeed } from "./follow-up-types.ts";
import { Timeline } from "./timeline.ts";

interface Works {
  agreements: AgreementSeed[];
  advance: PaymentSeed;
  invoices: InvoiceSeed[];
  /** Balance still due: what the checked invoices justify, within the convention, minus the advance. */
  balanceCents: number;
  /** When the last invoice check happened (the balance cannot be paid before). */
  lastCheckAt: Date;
}

/**
 * Convention, advance and invoices of a project finished on `completedAt`; invoices cost
 * `spend` times the convention (works usually cost more than the grant).
 */
function works(kit: FollowUpKit, completedAt: Date, plans: readonly CheckPlan[], spend: [number, number]): Works {
  const { t, rng, project } = kit;
  const signedAt = t.after(kit.start, 60, 300, addDays(completedAt, -60));
  const agreements = [kit.signedAgreement(signedAt)];
  const advanceAt = t.after(signedAt, 10, 30, completedAt);
  const invoices = buildInvoices(rng, t, {
    suppliers: project.idea.suppliers,
    totalCents: Math.round(kit.agreementCents * (spend[0] + rng.next() * (spend[1] - spend[0]))),
    plans,
    from: laterOf(advanceAt, addDays(completedAt, -150)),
    until: earlierOf(addDays(completedAt, 10), t.pastCap()),
    checkers: kit.checkers,
  });
  const lastCheckAt = invoices
    .flatMap((invoice) => invoice.checks.map((check) => check.checkedAt))
    .reduce((latest, at) => laterOf(latest, at), completedAt);
  const advance = kit.sent("ADVANCE", kit.advanceCents, advanceAt);
  const balanceCents = Math.max(0, Math.min(kit.agreementCents, justifiedCents(invoices)) - kit.advanceCents);
  return { agreements, advance, invoices, balanceCents, lastCheckAt };
}

/** Works finished: balance planned (one date already passed) or waiting for a missing piece; inauguration being organised. */
export function completed(kit: FollowUpKit): FollowUpSeed {
  const { t, rng, project } = kit;
  const completedAt = laterOf(t.fromNow(-rng.int(20, 200)), addDays(kit.start, 200));
  const plans: CheckPlan[][] = [
    ["compliant", "partial"],
    ["incompleteThenCompliant", "compliant"],
    ["compliant"],
    ["compliant", "compliant", "incomplete"],
  ];
  const w = works(kit, completedAt, plans[project.variant % 4] as CheckPlan[], [1, 1.2]);
  const balanceAt = [
    laterOf(t.fromNow(-rng.int(2, 9)), addDays(w.lastCheckAt, 1)),
    t.fromNow(rng.int(7, 30)),
    t.fromNow(rng.int(7, 30)),
    null,
  ][project.variant % 4];
  const payments = [w.advance, ...(balanceAt ? [kit.planned("BALANCE", w.balanceCents, balanceAt)] : [])];
  return kit.result({
    dates: { completedAt, reportDueAt: Timeline.yearAfter(completedAt) },
    agreements: w.agreements,
    payments,
    invoices: w.invoices,
    inaugurations: upcomingInaugurations(kit),
  });
}

/** Inaugurations being organised: in 7 days, tomorrow, postponed (cancelled then planned again), moved once. */
function upcomingInaugurations(kit: FollowUpKit): InaugurationSeed[] {
  const day = (days: number, hour: number, minute = 0) => parisDaysFrom(kit.now, days, hour, minute);
  switch (kit.project.variant % 6) {
    case 0:
      return [{ uidSuffix: "", startsAt: day(7, 18), status: "PLANNED", sequence: 0 }];
    case 1:
      return [{ uidSuffix: "", startsAt: day(1, 11), status: "PLANNED", sequence: 0 }];
    case 2:
      return [
        { uidSuffix: "-1", startsAt: day(3, 18, 30), status: "CANCELLED", sequence: 1 },
        { uidSuffix: "", startsAt: day(21, 11), status: "PLANNED", sequence: 0 },
      ];
    case 4:
      return [{ uidSuffix: "", startsAt: day(35, 17, 30), status: "PLANNED", sequence: 1 }];
    default:
      return [];
  }
}

/** Inaugurated, balance still to pay (some payment dates already passed). */
export function inaugurated(kit: FollowUpKit): FollowUpSeed {
  const { t, rng, project } = kit;
  const completedAt = laterOf(t.fromNow(-rng.int(70, 320)), addDays(kit.start, 200));
  const plans: CheckPlan[][] = [["compliant", "compliant"], ["partial"], ["incompleteThenCompliant"]];
  const w = works(kit, completedAt, plans[project.variant % 3] as CheckPlan[], [1, 1.15]);
  const inauguratedAt = kit.pastCeremonyOn(t.after(completedAt, 20, 60, t.fromNow(-2)));
  const balanceAt =
    project.variant % 3 === 0
      ? laterOf(t.fromNow(-rng.int(3, 15)), addDays(w.lastCheckAt, 1))
      : t.fromNow(rng.int(5, 30));
  return kit.result({
    dates: { completedAt, inauguratedAt, reportDueAt: Timeline.yearAfter(completedAt) },
    agreements: w.agreements,
    payments: [w.advance, kit.planned("BALANCE", w.balanceCents, balanceAt)],
    invoices: w.invoices,
    inaugurations: [{ uidSuffix: "", startsAt: inauguratedAt, status: "HELD", sequence: 0 }],
  });
}

/** Bilan n+1 due dates the reminder scan must find: in 20 days, today, 15 days ago, in 7 days. */
const REPORT_DUE_IN_DAYS = [20, 0, -15, 7] as const;

/** Paid in full, waiting for the bilan n+1; with an amended convention, an under-spend and a cancelled invoice. */
export function paidInFull(kit: FollowUpKit): FollowUpSeed {
  const { t, rng, project } = kit;
  const dueIn = REPORT_DUE_IN_DAYS[project.variant];
  const reportDueAt = dueIn === undefined ? null : t.dayFromNow(dueIn);
  const completedAt = reportDueAt
    ? t.at(reportDueAt, -365)
    : laterOf(t.fromNow(-rng.int(40, 320)), addDays(kit.start, 200));
  const underSpent = project.variant === 5;
  const plans: CheckPlan[] = underSpent ? ["partial"] : project.variant % 2 ? ["compliant"] : ["compliant", "partial"];
  const w = works(kit, completedAt, plans, underSpent ? [0.85, 0.95] : [1, 1.2]);
  const agreements = project.variant === 4 ? amend(kit, w.agreements[0] as AgreementSeed, completedAt) : w.agreements;
  const current = agreements.at(-1) as AgreementSeed;
  const invoices =
    project.variant === 6 ? [...w.invoices, cancelledInvoice(kit, w.invoices[0] as InvoiceSeed)] : w.invoices;
  const balanceCents = Math.max(0, Math.min(current.amountCents, justifiedCents(w.invoices)) - kit.advanceCents);
  const balance = kit.sent("BALANCE", balanceCents, t.after(w.lastCheckAt, 15, 60));
  const inauguratedAt =
    project.variant % 5 === 4 ? null : kit.pastCeremonyOn(t.after(completedAt, 15, 60, t.fromNow(-2)));
  return kit.result({
    dates: { completedAt, inauguratedAt, reportDueAt: reportDueAt ?? Timeline.yearAfter(completedAt) },
    agreements,
    payments: [
      { ...w.advance, agreementReference: current.reference },
      { ...balance, agreementReference: current.reference },
    ],
    invoices,
    inaugurations: inauguratedAt ? [{ uidSuffix: "", startsAt: inauguratedAt, status: "HELD", sequence: 0 }] : [],
  });
}

/** The first convention is cancelled and replaced by an amendment with a revised amount. */
function amend(kit: FollowUpKit, first: AgreementSeed, completedAt: Date): AgreementSeed[] {
  const signedAt = first.departmentSignedAt as Date;
  const cancelledAt = kit.t.after(signedAt, 20, 60, completedAt);
  const amendment = kit.signedAgreement(kit.t.after(cancelledAt, 10, 30, completedAt), {
    reference: `${first.reference}-A1`,
    amountCents: Math.round((first.amountCents * 0.94) / 100) * 100,
  });
  return [{ ...first, status: "CANCELLED", cancelledAt }, amendment];
}

function cancelledInvoice(kit: FollowUpKit, original: InvoiceSeed): InvoiceSeed {
  return {
    ...original,
    number: `${original.number}-ANNULEE`,
    cancelledAt: kit.t.after(original.receivedAt, 1, 5),
    cancelReason: "Facture envoyée deux fois par le fournisseur ; l'exemplaire en double est annulé.",
    checks: [],
  };
}

/** Bilan n+1 received, the project not closed yet (2021: a year and more after completion; 2019: long ago). */
export function reportReceived(kit: FollowUpKit): FollowUpSeed {
  return finished(kit, false);
}

/** 2019: everything done, bilan received, project closed (a few inaugurations were skipped). */
export function closed(kit: FollowUpKit): FollowUpSeed {
  return finished(kit, true);
}

function finished(kit: FollowUpKit, close: boolean): FollowUpSeed {
  const { t, rng, project } = kit;
  const completedAt =
    project.year === 2019
      ? t.after(kit.start, 300, 700, parisTime(2021, 11, 30))
      : laterOf(t.fromNow(-rng.int(390, 560)), addDays(kit.start, 200));
  const w = works(kit, completedAt, project.variant % 3 ? ["compliant"] : ["compliant", "partial"], [1, 1.2]);
  const inauguratedAt = project.variant % 5 === 3 ? null : kit.pastCeremonyOn(t.after(completedAt, 15, 90));
  const balance = kit.sent("BALANCE", w.balanceCents, t.after(w.lastCheckAt, 15, 60));
  const reportDueAt = Timeline.yearAfter(completedAt);
  const reportReceivedAt = earlierOf(t.at(reportDueAt, rng.int(-30, 45)), t.pastCap());
  return kit.result({
    dates: {
      completedAt,
      inauguratedAt,
      reportDueAt,
      reportReceivedAt,
      closedAt: close ? t.after(reportReceivedAt, 10, 90) : null,
    },
    agreements: w.agreements,
    payments: [w.advance, balance],
    invoices: w.invoices,
  });
}
