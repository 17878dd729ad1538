import { formatEuros } from "../../domain/money/format-euros.ts";
import { holderKindLabels } from "../../domain/projects/holder-kind-labels.ts";
import type { ProjectDetailView, TimelineStepState } from "../../domain/projects/project-detail-view.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import { describeDeadline, relativeDay } from "../cards/deadline-lines.ts";
import { describeStepDate, stepLabels } from "../cards/timeline-rows.ts";

const stateLabels: Record<TimelineStepState, string> = {
  done: "fait",
  current: "en cours",
  late: "en retard",
  upcoming: "à venir",
  skipped: "sans suite",
};

/**
 * The facts of the project card (`getProjectDetail`), in French, for the tab's detail
 * page: identity, porteur, amounts, timeline and open deadlines.
 */
export function projectJson(view: ProjectDetailView, now: Date) {
  const { amounts } = view;
  return {
    reference: view.reference,
    title: view.title,
    isLate: view.isLate,
    facts: [
      ["Édition", String(view.editionYear)],
      ["Statut", projectStatusLabels[view.status] + (view.statusReason ? ` (${view.statusReason})` : "")],
      ["Thème", view.theme ?? "Sans thème"],
      ["Commune", view.commune ?? "—"],
      ["Canton", view.canton],
      ["Projet jeunes", view.isYouth ? "oui" : "non"],
      ["Porteur", `${view.holder.name} (${holderKindLabels[view.holder.kind]})`],
      ["Contact", [view.holder.contactName, view.holder.email, view.holder.phone].filter(Boolean).join(" · ")],
      ["Suivi par", view.followedBy?.name ?? "personne"],
      ["Montant voté", formatEuros(amounts.awardedCents)],
      [
        "Montant de la convention",
        amounts.agreementCents === null ? "pas de convention" : formatEuros(amounts.agreementCents),
      ],
      ["Versé", formatEuros(amounts.paidCents)],
      ["Justifié", formatEuros(amounts.justifiedCents)],
      ["Reste à verser", formatEuros(amounts.payableCents)],
    ].map(([label, value]) => ({ label, value })),
    timeline: view.timeline.map((step) => ({
      label: stepLabels[step.key],
      state: step.state,
      stateLabel: stateLabels[step.state],
      dates: step.dates.map(describeStepDate),
    })),
    deadlines: view.deadlines.map((d) => ({ text: describeDeadline(d), when: relativeDay(d, now), late: d.late })),
  };
}
