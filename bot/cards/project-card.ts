import { formatDateTime } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { holderKindLabels } from "../../domain/projects/holder-kind-labels.ts";
import type { ProjectDetailView } from "../../domain/projects/project-detail-view.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import { CardVerbs } from "./card-verbs.ts";
import { deadlineLines } from "./deadline-lines.ts";
import { timelineRows } from "./timeline-rows.ts";

export type AdaptiveCard = Record<string, unknown>;

export interface ProjectCardOptions {
  now: Date;
  /** Verbs the bot answers (the keys of `cardActions`): a button shows only when its verb is handled. */
  handledVerbs: readonly string[];
}

/** The card's text fallback: « 2022-017 · Skatepark de Grenade-sur-l'Adour · Convention signée ». */
export function projectCardSummary(view: ProjectDetailView): string {
  return `${view.reference} · ${view.title} · ${projectStatusLabels[view.status]}${view.isLate ? " · en retard" : ""}`;
}

/**
 * A project's situation as an Adaptive Card 1.5 (what Teams renders): header, place,
 * porteur, timeline, amounts, deadlines (late ones in the attention colour) and the
 * actions whose verbs are handled. Pure: everything comes from the view.
 */
export function buildProjectCard(view: ProjectDetailView, { now, handledVerbs }: ProjectCardOptions): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: projectCardSummary(view),
    body: [
      header(view),
      { type: "FactSet", facts: whoAndWhere(view) },
      section("Étapes"),
      ...timelineRows(view.timeline),
      ...(view.statusReason && view.status === "ABANDONED"
        ? [{ type: "TextBlock", text: `Motif : ${view.statusReason}`, wrap: true, color: "attention" }]
        : []),
      section("Montants"),
      { type: "FactSet", facts: amounts(view) },
      section(view.isLate ? "Échéances · en retard" : "Échéances", view.isLate),
      ...deadlineLines(view.deadlines, now),
      { type: "TextBlock", text: `Situation au ${formatDateTime(now)}`, size: "Small", isSubtle: true, wrap: true },
    ],
    actions: actions(view, handledVerbs),
  };
}

function header(view: ProjectDetailView): Record<string, unknown> {
  const subtitle = [view.reference, `Édition ${view.editionYear}`, view.theme].filter(Boolean).join(" · ");
  const badge = (text: string, style: string) => ({
    type: "Column",
    width: "auto",
    style,
    items: [{ type: "TextBlock", text, size: "Small", weight: "Bolder" }],
  });
  return {
    type: "Container",
    items: [
      { type: "TextBlock", text: view.title, size: "Large", weight: "Bolder", wrap: true },
      { type: "TextBlock", text: subtitle, isSubtle: true, spacing: "None", wrap: true },
      {
        type: "ColumnSet",
        spacing: "Small",
        columns: [
          badge(projectStatusLabels[view.status], view.status === "ABANDONED" ? "attention" : "emphasis"),
          ...(view.isYouth ? [badge("Projet jeune", "accent")] : []),
          ...(view.isLate ? [badge("En retard", "attention")] : []),
        ],
      },
    ],
  };
}

function whoAndWhere(view: ProjectDetailView): { title: string; value: string }[] {
  const { holder } = view;
  const contact = [holder.contactName, holder.email, holder.phone].filter(Boolean).join(" · ");
  return [
    { title: "Commune", value: view.commune ? `${view.commune} (canton ${view.canton})` : "—" },
    ...(view.commune ? [] : [{ title: "Canton", value: view.canton }]),
    { title: "Porteur", value: `${holder.name} (${holderKindLabels[holder.kind]})` },
    { title: "Contact", value: contact || "—" },
    { title: "Suivi par", value: view.followedBy?.name ?? "personne pour l'instant" },
  ];
}

function amounts(view: ProjectDetailView): { title: string; value: string }[] {
  const a = view.amounts;
  return [
    { title: "Montant attribué", value: formatEuros(a.awardedCents) },
    {
      title: "Convention",
      value: a.agreementCents === null ? "pas encore de convention" : formatEuros(a.agreementCents),
    },
    { title: "Versé", value: formatEuros(a.paidCents) },
    { title: "Justifié (factures conformes)", value: formatEuros(a.justifiedCents) },
    { title: "Reste à verser sur justificatifs", value: formatEuros(a.payableCents) },
  ];
}

function section(title: string, late = false): Record<string, unknown> {
  return {
    type: "TextBlock",
    text: title,
    weight: "Bolder",
    separator: true,
    spacing: "Medium",
    wrap: true,
    ...(late ? { color: "attention" } : {}),
  };
}

/** Buttons of the verbs handled today; features to come light theirs up by registering their verb. */
function actions(view: ProjectDetailView, handledVerbs: readonly string[]): Record<string, unknown>[] {
  const open = view.status !== "ABANDONED" && view.status !== "CLOSED";
  const inaugurationToOrganise =
    open && !view.timeline.some((s) => s.key === "inauguration" && (s.state === "done" || s.state === "skipped"));
  const candidates = [
    { verb: CardVerbs.invoiceForm, title: "Enregistrer un contrôle de facture", show: open },
    { verb: CardVerbs.eventForm, title: "Organiser l'inauguration", show: inaugurationToOrganise },
    { verb: CardVerbs.refreshProject, title: "Actualiser", show: true },
  ];
  return candidates
    .filter((c) => c.show && handledVerbs.includes(c.verb))
    .map((c) => ({ type: "Action.Execute", title: c.title, verb: c.verb, data: { reference: view.reference } }));
}
