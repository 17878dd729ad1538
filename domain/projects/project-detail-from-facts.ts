import { payableCents } from "../money/payable-cents.ts";
import type { ProjectCardFacts } from "./project-card-facts.ts";
import { projectDeadlines } from "./project-deadlines.ts";
import type { ProjectDetailView } from "./project-detail-view.ts";
import type { ProjectFacts } from "./project-facts.ts";
import { projectTimeline } from "./project-timeline.ts";

/**
 * A project's card view from its facts on `now`: timeline, amounts, open deadlines and
 * what is late. Pure, so the bot can keep the facts in memory and apply the clock of
 * each turn (the same facts are late tomorrow).
 */
export function projectDetailFromFacts(project: ProjectCardFacts, now: Date): ProjectDetailView {
  const current = project.agreements.find((a) => a.status !== "CANCELLED") ?? null;
  const facts: ProjectFacts = {
    ...project,
    // An abandoned project shows the convention it had, even cancelled.
    agreement: current ?? (project.status === "ABANDONED" ? (project.agreements[0] ?? null) : null),
  };
  const paidCents = project.payments.filter((p) => p.status === "SENT").reduce((sum, p) => sum + p.amountCents, 0);
  const justifiedCents = project.latestChecks.reduce(
    (sum, check) => (check.outcome === "COMPLIANT" ? sum + check.eligibleCents : sum),
    0,
  );
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
    editionYear: project.editionYear,
    theme: project.theme,
    status: project.status,
    statusReason: project.statusReason,
    isYouth: project.isYouth,
    commune: project.commune,
    canton: project.canton,
    holder: project.holder,
    followedBy: project.followedBy,
    timeline: projectTimeline(facts, now),
    amounts: { ...amounts, payableCents: payableCents(amounts) },
    deadlines,
    isLate: deadlines.some((d) => d.late),
  };
}
