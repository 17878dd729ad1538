import type { DbTx } from "../../prisma/create-db.ts";
import type { PaymentKind, PaymentStatus } from "../../prisma/generated/enums.ts";
import { parisTime } from "../dates/paris-time.ts";

/** Which payments an export covers: an edition, or Paris days from/to (inclusive, `2026-03-01`). */
export type AstreSelection = { edition: number } | { from: string; to: string };

/** One payment as Finance enters it in Astre. */
export interface AstrePayment {
  holderName: string;
  siret: string | null;
  projectReference: string;
  projectTitle: string;
  kind: PaymentKind;
  status: PaymentStatus;
  amountCents: number;
  agreementReference: string | null;
  /** Sent on, or planned for. */
  date: Date | null;
  mandate: string | null;
}

function dayStart(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return parisTime(y, m, d);
}

/**
 * The payments sent or planned (not cancelled) in the selection, oldest first: for an
 * edition, all its projects' payments; for a period, those sent (or planned) on those
 * Paris days.
 */
export async function findAstrePayments(db: DbTx, selection: AstreSelection): Promise<AstrePayment[]> {
  const where =
    "edition" in selection
      ? { project: { edition: { year: selection.edition } } }
      : (() => {
          // Up to the next Paris midnight (`parisTime` rolls day 32 over to the next month).
          const [y, m, d] = selection.to.split("-").map(Number) as [number, number, number];
          const range = { gte: dayStart(selection.from), lt: parisTime(y, m, d + 1) };
          return {
            OR: [
              { status: "SENT" as const, sentAt: range },
              { status: "PLANNED" as const, plannedAt: range },
            ],
          };
        })();
  const rows = await db.payment.findMany({
    where: { status: { not: "CANCELLED" }, ...where },
    select: {
      kind: true,
      status: true,
      amountCents: true,
      astreMandate: true,
      sentAt: true,
      plannedAt: true,
      agreement: { select: { reference: true } },
      project: { select: { reference: true, title: true, holder: { select: { name: true, siret: true } } } },
    },
    orderBy: [{ sentAt: "asc" }, { plannedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    holderName: row.project.holder.name,
    siret: row.project.holder.siret,
    projectReference: row.project.reference,
    projectTitle: row.project.title,
    kind: row.kind,
    status: row.status,
    amountCents: row.amountCents,
    agreementReference: row.agreement?.reference ?? null,
    date: row.sentAt ?? row.plannedAt,
    mandate: row.astreMandate,
  }));
}
