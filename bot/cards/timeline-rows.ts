import { formatDateTime, formatShortDate } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import type {
  StepDate,
  TimelineStep,
  TimelineStepKey,
  TimelineStepState,
} from "../../domain/projects/project-detail-view.ts";

/** French name of each lifecycle step (the card and the dashboard's project page). */
export const stepLabels: Record<TimelineStepKey, string> = {
  winner: "Lauréat",
  agreement: "Convention",
  payments: "Versements",
  works: "Réalisation",
  inauguration: "Inauguration",
  report: "Bilan n+1",
  closed: "Clos",
  abandoned: "Abandonné",
};

/** Marker of each state: ✓ done, ● current, ⚠ late, ○ upcoming, – skipped. */
const stateMarkers: Record<TimelineStepState, string> = {
  done: "✓",
  current: "●",
  late: "⚠",
  upcoming: "○",
  skipped: "–",
};

const whenNoDate: Record<TimelineStepState, string> = {
  done: "fait",
  current: "en cours",
  late: "en retard",
  upcoming: "à venir",
  skipped: "sans suite",
};

/** One dated fact in French, e.g. « acompte de 14 000,00 € versé le 03/06/2025 ». */
export function describeStepDate(date: StepDate): string {
  const day = formatShortDate(date.at);
  const payment = `${date.paymentKind === "BALANCE" ? "solde" : "acompte"} de ${formatEuros(date.amountCents ?? 0)}`;
  switch (date.kind) {
    case "announced":
      return `annoncé le ${day}`;
    case "agreementDrafted":
      return `préparée le ${day}`;
    case "agreementSent":
      return `envoyée le ${day}`;
    case "holderSigned":
      return `signée par le porteur le ${day}`;
    case "departmentSigned":
      return `signée par le Département le ${day}`;
    case "paymentSent":
      return `${payment} versé le ${day}`;
    case "paymentPlanned":
      return `${payment} prévu le ${day}`;
    case "completed":
      return `réalisé le ${day}`;
    case "inaugurated":
      return `inauguré le ${day}`;
    case "inaugurationPlanned":
      return `prévue le ${formatDateTime(date.at)}`;
    case "reportDue":
      return `attendu le ${day}`;
    case "reportReceived":
      return `reçu le ${day}`;
    case "closed":
      return `clos le ${day}`;
    case "abandoned":
      return `le ${day}`;
  }
}

/**
 * The timeline as compact rows, one text line per step: its marker, the step and its
 * dates; late steps in the attention colour, steps to come subdued. One TextBlock a step
 * rather than columns: the card is about a third lighter to send and to render.
 */
export function timelineRows(steps: TimelineStep[]): Record<string, unknown>[] {
  return steps.map((step) => {
    const marker = step.key === "abandoned" ? "✕" : stateMarkers[step.state];
    const details = step.dates.length ? step.dates.map(describeStepDate).join(", ") : whenNoDate[step.state];
    const highlight = step.state === "late" || step.key === "abandoned";
    return {
      type: "TextBlock",
      text: `${marker} **${stepLabels[step.key]}** · ${details}`,
      wrap: true,
      spacing: "Small",
      ...(highlight ? { color: "attention" } : {}),
      ...(step.state === "upcoming" || step.state === "skipped" ? { isSubtle: true } : {}),
    };
  });
}
