import type { DbTx } from "../../prisma/create-db.ts";
import type { HolderKind, ProjectStatus } from "../../prisma/generated/enums.ts";
import { DomainError } from "../errors/domain-error.ts";

/** What an agent needs to know about a project at a glance. */
export interface ProjectStatusView {
  reference: string;
  title: string;
  editionYear: number;
  theme: string | null;
  status: ProjectStatus;
  isYouth: boolean;
  commune: string | null;
  canton: string;
  holder: { name: string; kind: HolderKind; contactName: string | null };
  awardedCents: number;
  agreementCents: number | null;
  paidCents: number;
  justifiedCents: number;
}

export const REFERENCE_PATTERN = /^\d{4}-\d{1,4}$/;

/** Normalises `2022-17` or ` 2022-017 ` to `2022-017`; null when it is not a reference. */
export function normalizeReference(text: string): string | null {
  const trimmed = text.trim();
  if (!REFERENCE_PATTERN.test(trimmed)) return null;
  const [year, number] = trimmed.split("-") as [string, string];
  return `${year}-${number.padStart(3, "0")}`;
}

/**
 * Reads one project's situation by its reference.
 * Throws `PROJECT_NOT_FOUND` for an unknown reference.
 */
export async function getProjectStatus(db: DbTx, reference: string): Promise<ProjectStatusView> {
  const project = await db.project.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      isYouth: true,
      awardedCents: true,
      edition: { select: { year: true } },
      theme: { select: { name: true } },
      commune: { select: { name: true } },
      canton: { select: { name: true } },
      holder: { select: { name: true, kind: true, contactName: true } },
      agreements: {
        where: { status: { not: "CANCELLED" } },
        select: { amountCents: true },
        orderBy: { draftedAt: "desc" },
        take: 1,
      },
    },
  });
  if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference });
  const [paid, justifiedCents] = await Promise.all([
    db.payment.aggregate({
      where: { projectId: project.id, status: "SENT" },
      _sum: { amountCents: true },
    }),
    sumJustified(db, project.id),
  ]);
  return {
    reference: project.reference,
    title: project.title,
    editionYear: project.edition.year,
    theme: project.theme?.name ?? null,
    status: project.status,
    isYouth: project.isYouth,
    commune: project.commune?.name ?? null,
    canton: project.canton.name,
    holder: project.holder,
    awardedCents: project.awardedCents,
    agreementCents: project.agreements[0]?.amountCents ?? null,
    paidCents: paid._sum.amountCents ?? 0,
    justifiedCents,
  };
}

/** Eligible amount of the invoices whose latest check is `COMPLIANT`. */
export async function sumJustified(db: DbTx, projectId: number): Promise<number> {
  const invoices = await db.invoice.findMany({
    where: { projectId, cancelledAt: null },
    select: { checks: { select: { eligibleCents: true, outcome: true }, orderBy: { checkedAt: "desc" }, take: 1 } },
  });
  return invoices.reduce((sum, invoice) => {
    const latest = invoice.checks[0];
    return latest?.outcome === "COMPLIANT" ? sum + latest.eligibleCents : sum;
  }, 0);
}
