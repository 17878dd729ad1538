import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";
import { payableCents } from "../money/payable-cents.ts";
import { projectDeadlines } from "./project-deadlines.ts";
import type { ProjectDetailView } from "./project-detail-view.ts";
import type { ProjectFacts } from "./project-facts.ts";
import { projectTimeline } from "./project-timeline.ts";

const agreementSelect = {
  status: true,
  amountCents: true,
  draftedAt: true,
  sentAt: true,
  holderSignedAt: true,
  departmentSignedAt: true,
} as const;

/**
 * One project's whole situation, for its card: identity, porteur, follow-up agent,
 * timeline, amounts, open deadlines and what is late on `now`.
 * Throws `PROJECT_NOT_FOUND` for an unknown reference.
 */
export async function getProjectDetail(db: DbTx, reference: string, now: Date): Promise<ProjectDetailView> {
  const project = await db.project.findUnique({
    where: { reference },
    select: {
      reference: true,
      title: true,
      status: true,
      statusReason: true,
      isYouth: true,
      awardedCents: true,
      announcedAt: true,
      completedAt: true,
      inauguratedAt: true,
      reportDueAt: true,
      reportReceivedAt: true,
      closedAt: true,
      abandonedAt: true,
      edition: { select: { year: true } },
      theme: { select: { name: true } },
      commune: { select: { name: true } },
      canton: { select: { name: true } },
      holder: { select: { name: true, kind: true, contactName: true, email: true, phone: true } },
      followedBy: { select: { name: true, email: true } },
      agreements: { select: agreementSelect, orderBy: [{ draftedAt: "desc" }, { id: "desc" }] },
      payments: {
        where: { status: { not: "CANCELLED" } },
        select: { kind: true, status: true, amountCents: true, plannedAt: true, sentAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      invoices: {
        where: { cancelledAt: null },
        select: {
          checks: {
            select: { eligibleCents: true, outcome: true },
            orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
            take: 1,
          },
        },
      },
      events: {
        where: { kind: "INAUGURATION", status: "PLANNED" },
        select: { startsAt: true },
        orderBy: { startsAt: "asc" },
      },
    },
  });
  if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference });
  const current = project.agreements.find((a) => a.status !== "CANCELLED") ?? null;
  const facts: ProjectFacts = {
    ...project,
    // An abandoned project shows the convention it had, even cancelled.
    agreement: current ?? (project.status === "ABANDONED" ? (project.agreements[0] ?? null) : null),
    plannedInaugurations: project.events.map((e) => e.startsAt),
  };
  const paidCents = project.payments.filter((p) => p.status === "SENT").reduce((sum, p) => sum + p.amountCents, 0);
  const justifiedCents = project.invoices.reduce((sum, invoice) => {
    const latest = invoice.checks[0];
    return latest?.outcome === "COMPLIANT" ? sum + latest.eligibleCents : sum;
  }, 0);
  const amounts = {
    awardedCents: project.awardedCents,
    agreementCents: current?.amountCents ?? null,
    justifiedCents,
    paidCents,
  };
  const deadlines = projectDeadlines(facts, now);
  return {
    reference: project.reference,
    title: project.title,
    editionYear: project.edition.year,
    theme: project.theme?.name ?? null,
    status: project.status,
    statusReason: project.statusReason,
    isYouth: project.isYouth,
    commune: project.commune?.name ?? null,
    canton: project.canton.name,
    holder: project.holder,
    followedBy: project.followedBy,
    timeline: projectTimeline(facts, now),
    amounts: { ...amounts, payableCents: payableCents(amounts) },
    deadlines,
    isLate: deadlines.some((d) => d.late),
  };
}
