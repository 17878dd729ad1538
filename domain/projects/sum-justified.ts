import type { DbTx } from "../../prisma/create-db.ts";

/** Eligible amount of the non-cancelled invoices whose latest check is `COMPLIANT`. */
export async function sumJustified(db: DbTx, projectId: number): Promise<number> {
  const invoices = await db.invoice.findMany({
    where: { projectId, cancelledAt: null },
    select: {
      checks: {
        select: { eligibleCents: true, outcome: true },
        orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
        take: 1,
      },
    },
  });
  return invoices.reduce((sum, invoice) => {
    const latest = invoice.checks[0];
    return latest?.outcome === "COMPLIANT" ? sum + latest.eligibleCents : sum;
  }, 0);
}
