import * as z from "zod";
import { countLabel } from "../../domain/text/count-label.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the notice telling a porteur that their idea, put to the vote, is not among the winners. */
export const IdeaNotSelectedPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  ideaReference: payloadFields.line(40),
  ideaTitle: payloadFields.line(300),
  editionYear: payloadFields.count(2019, 2100),
  votes: payloadFields.count(0, 10_000_000),
  /** How many projects won, to put the result in context. */
  winners: payloadFields.count(1, 10_000),
});

/**
 * Tells a porteur whose idea was put to the vote that it is not among the winners, with
 * its votes, and thanks them. Essential: it closes what the porteur started by filing the idea.
 */
export const ideaNotSelected = defineEmailTemplate({
  schema: IdeaNotSelectedPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => ({
    subject: `Résultats du Budget participatif citoyen des Landes ${p.editionYear} : ${frenchQuote(shorten(p.ideaTitle, 60))}`,
    greeting: greeting(p.holderName),
    blocks: [
      paragraph(
        `Les résultats du Budget participatif citoyen des Landes ${p.editionYear} sont connus. Votre idée ${frenchQuote(p.ideaTitle)} ne fait pas partie des projets lauréats (${countLabel(p.winners, "projet retenu", "projets retenus")}).`,
      ),
      facts([
        { label: "Référence de l'idée", value: p.ideaReference },
        { label: "Voix recueillies", value: countLabel(p.votes, "voix", "voix") },
      ]),
      paragraph(
        `Les projets sont retenus dans l'ordre des voix, dans la limite de l'enveloppe de l'édition et selon son règlement (part réservée aux projets jeunes, répartition entre les cantons). Le ${departmentName} vous remercie chaleureusement d'avoir proposé une idée et de l'avoir fait connaître\u00a0: votre participation fait vivre le budget participatif.`,
      ),
      paragraph(
        "N'hésitez pas à la proposer de nouveau, éventuellement retravaillée, lors d'une prochaine édition. L'équipe du budget participatif reste à votre écoute : répondez simplement à cet e-mail.",
      ),
    ],
  }),
});
