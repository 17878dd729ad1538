import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the notice telling a porteur what the analysis of their idea concluded. */
export const IdeaDecisionPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  ideaReference: payloadFields.line(40),
  ideaTitle: payloadFields.line(300),
  editionYear: z.number().int().min(2000).max(2100),
  decision: z.enum(["ELIGIBLE", "TO_ADJUST", "INELIGIBLE"]),
  /** The agent's reason, shown as written (required for « à ajuster » and « non recevable »). */
  reason: payloadFields.text(2000).optional(),
  decidedAt: payloadFields.date(),
});

const wording = {
  ELIGIBLE: {
    subject: "Votre idée est recevable",
    outcome: "recevable",
    next: "Elle pourra être soumise au vote des Landais. Nous vous tiendrons informé(e) du calendrier du vote et des résultats.",
  },
  TO_ADJUST: {
    subject: "Votre idée est à ajuster",
    outcome: "à ajuster",
    next: "Pour qu'elle puisse être retenue, merci de nous proposer les ajustements ci-dessous. L'équipe du budget participatif peut vous accompagner : répondez simplement à cet e-mail.",
  },
  INELIGIBLE: {
    subject: "Votre idée n'est pas recevable",
    outcome: "non recevable",
    next: "Elle ne pourra pas être soumise au vote. Merci pour votre participation : n'hésitez pas à déposer une nouvelle idée lors d'une prochaine édition.",
  },
} as const;

/**
 * Tells the porteur the outcome of the analysis of their idea (recevable, à ajuster, non
 * recevable) with the agent's reason. Essential: it decides whether the idea goes to the vote.
 */
export const ideaDecision = defineEmailTemplate({
  schema: IdeaDecisionPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => {
    const words = wording[p.decision];
    return {
      subject: `${words.subject} : ${frenchQuote(shorten(p.ideaTitle, 70))}`,
      greeting: greeting(p.holderName),
      blocks: [
        paragraph(
          `Le ${departmentName} a analysé l'idée ${frenchQuote(p.ideaTitle)} que vous avez déposée pour le Budget participatif citoyen des Landes ${p.editionYear}. Elle est ${words.outcome}.`,
        ),
        facts([
          { label: "Référence de l'idée", value: p.ideaReference },
          { label: "Décision", value: words.outcome },
          { label: "Date de la décision", value: formatDate(p.decidedAt) },
          { label: "Motif", value: p.reason },
        ]),
        paragraph(words.next),
      ],
    };
  },
});
