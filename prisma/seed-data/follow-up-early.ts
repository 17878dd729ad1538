import { addDays } from "../../domain/dates/paris-time.ts";
import { buildInvoices, type CheckPlan } from "./build-invoices.ts";
import { type FollowUpKit, laterOf } from "./follow-up-kit.ts";
import type { FollowUpSeed } from "./follow-up-types.ts";

/** Conventions sent this many days ago and still unsigned: the reminder scan must find them (> 15 days). */
const OVERDUE_SENT_DAYS = [16, 23, 38, 52, 75, 120] as const;
/** Conventions sent recently: not due yet. */
const RECENT_SENT_DAYS = [3, 9, 12] as const;

const ABANDON_REASONS = [
  "Terrain d'implantation finalement indisponible : le propriétaire a retiré son accord.",
  "Association dissoute avant le début des travaux.",
  "Coût réel très supérieur au montant voté ; le porteur a renoncé.",
  "Projet financé entre-temps par la commune sur son budget propre.",
  "Implantation incompatible avec le plan de prévention du risque inondation.",
] as const;

/** Lauréat announced, nothing else yet. */
export function winner(kit: FollowUpKit): FollowUpSeed {
  return kit.result({});
}

/** Convention drafted, sent (some for too long), or signed by the porteur and waiting for the Département. */
export function agreementPending(kit: FollowUpKit): FollowUpSeed {
  const { t, rng, project } = kit;
  const occurrence = Math.floor(project.variant / 4);
  switch (project.variant % 4) {
    case 0: {
      const sentAt = t.fromNow(-(OVERDUE_SENT_DAYS[occurrence % OVERDUE_SENT_DAYS.length] as number));
      return kit.result({
        agreements: [kit.agreement({ status: "SENT", sentAt, draftedAt: t.before(sentAt, 5, 20, kit.start) })],
      });
    }
    case 1: {
      const draftedAt = laterOf(t.fromNow(-rng.int(2, 40)), addDays(kit.start, 10));
      return kit.result({ agreements: [kit.agreement({ status: "DRAFT", draftedAt })] });
    }
    case 2: {
      const sentAt = t.fromNow(-(RECENT_SENT_DAYS[occurrence % RECENT_SENT_DAYS.length] as number));
      return kit.result({
        agreements: [kit.agreement({ status: "SENT", sentAt, draftedAt: t.before(sentAt, 5, 20, kit.start) })],
      });
    }
    default: {
      const sentAt = t.fromNow(-rng.int(25, 45));
      const holderSignedAt = t.fromNow(-rng.int(2, 12));
      const draftedAt = t.before(sentAt, 5, 20, kit.start);
      return kit.result({
        agreements: [kit.agreement({ status: "SIGNED_BY_HOLDER", draftedAt, sentAt, holderSignedAt })],
      });
    }
  }
}

/** Convention signed; the advance is planned (some dates already passed), sent, or not scheduled yet. */
export function agreementSigned(kit: FollowUpKit): FollowUpSeed {
  const { t, rng, project } = kit;
  const signedAt = laterOf(t.fromNow(-rng.int(8, 150)), addDays(kit.start, 45));
  const agreements = [kit.signedAgreement(signedAt)];
  switch (project.variant % 4) {
    case 0: {
      const plannedAt = laterOf(t.fromNow(-rng.int(3, 12)), addDays(signedAt, 1));
      return kit.result({ agreements, payments: [kit.planned("ADVANCE", kit.advanceCents, plannedAt)] });
    }
    case 1:
      return kit.result({
        agreements,
        payments: [kit.planned("ADVANCE", kit.advanceCents, t.fromNow(rng.int(5, 25)))],
      });
    case 2:
      return kit.result({ agreements, payments: [kit.sent("ADVANCE", kit.advanceCents, t.after(signedAt, 10, 30))] });
    default:
      return kit.result({ agreements });
  }
}

const IN_PROGRESS_PLANS: readonly (readonly CheckPlan[])[] = [
  [],
  ["compliant"],
  ["compliant", "incomplete"],
  ["nonCompliant", "partial"],
  ["compliant", "compliant"],
];

/** Works under way: advance paid, first invoices in (or none yet: the "missing invoices" reminder). */
export function inProgress(kit: FollowUpKit): FollowUpSeed {
  const { t, rng, project } = kit;
  const [min, max] = project.year === 2021 ? [60, 240] : project.year === 2022 ? [60, 420] : [30, 120];
  const signedAt = t.after(kit.start, min, max, t.fromNow(-45));
  const advanceAt = t.after(signedAt, 10, 30);
  const plans = IN_PROGRESS_PLANS[project.variant % IN_PROGRESS_PLANS.length] as readonly CheckPlan[];
  const invoices = buildInvoices(rng, t, {
    suppliers: project.idea.suppliers,
    totalCents: Math.round(kit.agreementCents * (0.25 + rng.next() * 0.45)),
    plans,
    from: advanceAt,
    until: t.fromNow(-3),
    checkers: kit.checkers,
  });
  return kit.result({
    agreements: [kit.signedAgreement(signedAt)],
    payments: [kit.sent("ADVANCE", kit.advanceCents, advanceAt)],
    invoices,
  });
}

/** Given up: before the convention, after sending it, or after signing it (the planned advance is cancelled). */
export function abandoned(kit: FollowUpKit): FollowUpSeed {
  const { t, project } = kit;
  const statusReason = ABANDON_REASONS[(project.year + project.variant) % ABANDON_REASONS.length] as string;
  switch (project.variant % 3) {
    case 0: {
      const draftedAt = t.after(kit.start, 30, 60);
      const sentAt = t.after(draftedAt, 5, 15);
      const abandonedAt = t.after(sentAt, 40, 200);
      return kit.result({
        dates: { abandonedAt, statusReason },
        agreements: [kit.agreement({ status: "CANCELLED", draftedAt, sentAt, cancelledAt: abandonedAt })],
      });
    }
    case 1: {
      const signedAt = t.after(kit.start, 60, 200);
      const plannedAt = t.after(signedAt, 10, 20);
      const abandonedAt = t.after(plannedAt, 30, 250);
      return kit.result({
        dates: { abandonedAt, statusReason },
        agreements: [kit.signedAgreement(signedAt, { status: "CANCELLED", cancelledAt: abandonedAt })],
        payments: [kit.planned("ADVANCE", kit.advanceCents, plannedAt, "CANCELLED")],
      });
    }
    default:
      return kit.result({ dates: { abandonedAt: t.after(kit.start, 45, 200), statusReason } });
  }
}
