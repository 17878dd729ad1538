import { formatDate, formatShortDate } from "../../domain/dates/format-date.ts";
import type { IdeaDetail } from "../../domain/ideas/get-idea-detail.ts";
import { ideaStatusLabels } from "../../domain/ideas/idea-status-labels.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { holderKindLabels } from "../../domain/projects/holder-kind-labels.ts";
import { CardVerbs } from "./card-verbs.ts";

export interface IdeaCardOptions {
  /** The verbs the bot answers right now: a button shows only if its verb is handled. */
  handledVerbs: readonly string[];
  /** A line on top after an action (« Décision enregistrée… »), good or attention colour. */
  notice?: { text: string; tone: "good" | "attention" };
}

/** The text fallback: « Idée I2024-0123 · Pumptrack du bourg · à analyser ». */
export function ideaCardSummary(view: IdeaDetail): string {
  return `Idée ${view.reference} · ${view.title} · ${ideaStatusLabels[view.status]}`;
}

const DESCRIPTION_MAX = 1200;

/**
 * An idea as an Adaptive Card 1.5: its facts (porteur, contact, place, theme, cost),
 * the eligibility warnings in the attention colour (the agent decides, the card only
 * points), the decision and its reason, the support notes, and two forms:
 * « Décider » (`idea.decide`: status and reason) and « Ajouter une note » (`idea.note`).
 * Pure.
 */
export function buildIdeaCard(view: IdeaDetail, options: IdeaCardOptions): Record<string, unknown> {
  const handled = new Set(options.handledVerbs);
  const place = [view.commune, view.canton ? `canton ${view.canton}` : null].filter(Boolean).join(", ");
  const description =
    view.description.length > DESCRIPTION_MAX ? `${view.description.slice(0, DESCRIPTION_MAX)}…` : view.description;
  const facts = [
    {
      title: "Porteur",
      value: view.holderKind ? `${view.holderName} (${holderKindLabels[view.holderKind]})` : view.holderName,
    },
    { title: "Contact", value: [view.contactEmail, view.contactPhone].filter(Boolean).join(" · ") },
    { title: "Lieu", value: place || "non indiqué" },
    ...(view.theme ? [{ title: "Thème", value: view.theme }] : []),
    ...(view.fieldOfAction ? [{ title: "Domaine d'action", value: view.fieldOfAction }] : []),
    { title: "Coût estimé", value: formatEuros(view.estimatedCents) },
    { title: "Projet jeune", value: view.isYouth ? "oui" : "non" },
    ...(view.decidedAt
      ? [
          {
            title: "Décision",
            value: `${ideaStatusLabels[view.status]} le ${formatDate(view.decidedAt)}${view.decidedBy ? ` par ${view.decidedBy}` : ""}`,
          },
        ]
      : []),
  ];
  const actions = [
    ...(handled.has(CardVerbs.ideaDecide) ? [decideAction(view)] : []),
    ...(handled.has(CardVerbs.ideaNote) ? [noteAction(view)] : []),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: ideaCardSummary(view),
    body: [
      ...(options.notice
        ? [{ type: "TextBlock", text: options.notice.text, color: options.notice.tone, wrap: true }]
        : []),
      { type: "TextBlock", text: view.title, size: "Medium", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        text: `Idée ${view.reference} · édition ${view.editionYear} · ${ideaStatusLabels[view.status]}`,
        isSubtle: true,
        spacing: "None",
        wrap: true,
      },
      { type: "FactSet", facts },
      ...(view.decisionReason ? [{ type: "TextBlock", text: `Motif : ${view.decisionReason}`, wrap: true }] : []),
      ...(view.warnings.length > 0
        ? [
            { type: "TextBlock", text: "Points d'attention", weight: "Bolder", color: "attention", separator: true },
            ...view.warnings.map((w) => ({
              type: "TextBlock",
              text: `- ${w.message}`,
              color: "attention",
              wrap: true,
              spacing: "Small",
            })),
          ]
        : [{ type: "TextBlock", text: "Aucun point d'attention relevé.", isSubtle: true, separator: true }]),
      ...(description ? [{ type: "TextBlock", text: description, wrap: true, separator: true }] : []),
      { type: "TextBlock", text: "Suivi du porteur", weight: "Bolder", separator: true },
      ...(view.notes.length > 0
        ? view.notes.map((note) => ({
            type: "TextBlock",
            text: `${formatShortDate(note.at)}${note.author ? ` · ${note.author}` : ""} : ${note.text}`,
            wrap: true,
            spacing: "Small",
          }))
        : [{ type: "TextBlock", text: "Aucune note pour l'instant.", isSubtle: true, spacing: "Small" }]),
    ],
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function decideAction(view: IdeaDetail): Record<string, unknown> {
  return {
    type: "Action.ShowCard",
    title: "Décider",
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.ChoiceSet",
          id: "status",
          label: "Décision",
          isRequired: true,
          errorMessage: "Choisissez une décision.",
          value: view.status === "TO_ANALYSE" ? "ELIGIBLE" : view.status,
          choices: (["ELIGIBLE", "TO_ADJUST", "INELIGIBLE", "TO_ANALYSE"] as const).map((status) => ({
            title: ideaStatusLabels[status],
            value: status,
          })),
        },
        {
          type: "Input.Text",
          id: "reason",
          label: "Motif (obligatoire pour « à ajuster » et « non recevable » ; envoyé au porteur)",
          isMultiline: true,
          maxLength: 2000,
          ...(view.decisionReason ? { value: view.decisionReason } : {}),
        },
      ],
      actions: [
        {
          type: "Action.Execute",
          title: "Enregistrer la décision",
          verb: CardVerbs.ideaDecide,
          data: { reference: view.reference },
        },
      ],
    },
  };
}

function noteAction(view: IdeaDetail): Record<string, unknown> {
  return {
    type: "Action.ShowCard",
    title: "Ajouter une note",
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.Text",
          id: "note",
          label: "Note de suivi (appel, rendez-vous, conseil donné)",
          isMultiline: true,
          isRequired: true,
          errorMessage: "Écrivez la note.",
          maxLength: 2000,
        },
      ],
      actions: [
        {
          type: "Action.Execute",
          title: "Enregistrer la note",
          verb: CardVerbs.ideaNote,
          data: { reference: view.reference },
        },
      ],
    },
  };
}
