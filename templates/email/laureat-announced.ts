import * as z from "zod";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the winner's notice (first e-mail a porteur receives about the result). */
export const LaureatAnnouncedPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  projectReference: payloadFields.line(40),
  projectTitle: payloadFields.line(300),
  editionYear: payloadFields.count(2019, 2100),
  awardedCents: payloadFields.positiveCents(),
  /** Free text from the agents; a default next step is written when absent. */
  nextSteps: payloadFields.text(2000).optional(),
});

/**
 * Tells the porteur the project won. Essential: it opens the follow-up. The amount is the
 * one voted; the wording says the convention sets the final amount, since it can differ.
 */
export const laureatAnnounced = defineEmailTemplate({
  schema: LaureatAnnouncedPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => ({
    subject: `Votre projet ${frenchQuote(shorten(p.projectTitle, 60))} est lauréat du Budget participatif citoyen des Landes`,
    greeting: greeting(p.holderName),
    blocks: [
      paragraph(
        `Nous avons le plaisir de vous annoncer que votre projet ${frenchQuote(p.projectTitle)} fait partie des lauréats du Budget participatif citoyen des Landes ${p.editionYear}. Félicitations, et merci pour votre engagement\u00a0!`,
      ),
      paragraph(
        `Grâce aux votes des Landaises et des Landais, le ${departmentName} accompagnera sa réalisation. Le montant définitif de la subvention sera précisé dans la convention.`,
      ),
      facts([
        { label: "Référence du projet", value: p.projectReference },
        { label: "Édition", value: String(p.editionYear) },
        { label: "Montant attribué", value: formatEuros(p.awardedCents) },
      ]),
      paragraph(
        p.nextSteps === undefined
          ? "Prochaine étape\u00a0: nous préparons la convention qui précise les engagements de chacun et les modalités de versement de la subvention. Vous la recevrez prochainement par e-mail pour signature."
          : `Prochaines étapes\u00a0:\n${p.nextSteps}`,
      ),
      paragraph(`Pensez à rappeler la référence ${p.projectReference} dans vos échanges avec nous.`),
    ],
  }),
});
