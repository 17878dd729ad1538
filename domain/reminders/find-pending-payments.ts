import type { DbTx } from "../../prisma/create-db.ts";
import { formatShortDate } from "../dates/format-date.ts";
import { parisDaysFrom } from "../dates/paris-time.ts";
import { formatEuros } from "../money/format-euros.ts";

export interface PendingPayment {
  projectReference: string;
  label: string;
}

/** Planned payments past their date: work for the agents (Astre), not for the porteurs. */
export async function findPendingPayments(db: DbTx, now: Date, afterDays: number): Promise<PendingPayment[]> {
  const payments = await db.payment.findMany({
    where: { status: "PLANNED", plannedAt: { lt: parisDaysFrom(now, -afterDays + 1) } },
    select: { kind: true, amountCents: true, plannedAt: true, project: { select: { reference: true, title: true } } },
    orderBy: { plannedAt: "asc" },
  });
  return payments.map((p) => ({
    projectReference: p.project.reference,
    label: `${p.project.reference} · ${p.kind === "ADVANCE" ? "acompte" : "solde"} de ${formatEuros(p.amountCents)} prévu le ${formatShortDate(p.plannedAt!)}`,
  }));
}
