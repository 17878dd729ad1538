import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { action, facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the convention sent for signature. */
export const AgreementToSignPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  projectReference: payloadFields.line(40),
  projectTitle: payloadFields.line(300),
  agreementReference: payloadFields.line(60),
  amountCents: payloadFields.positiveCents(),
  /** Where to read the convention; without it, the e-mail says the convention is attached. */
  documentUrl: payloadFields.url().optional(),
  signBy: payloadFields.date().optional(),
});

/**
 * Sends the convention to sign. Essential: no signature, no payment. Reminds who signs
 * for an association, a commune or a young porteur, a frequent question.
 */
export const agreementToSign = defineEmailTemplate({
  schema: AgreementToSignPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => {
    const deadline = p.signBy === undefined ? "" : ` avant le ${formatDate(p.signBy)}`;
    return {
      subject: `Convention à signer pour votre projet ${frenchQuote(shorten(p.projectTitle, 60))} (${p.projectReference})`,
      greeting: greeting(p.holderName),
      blocks: [
        paragraph(
          `Votre projet ${frenchQuote(p.projectTitle)} est lauréat du Budget participatif citoyen des Landes. Pour que le ${departmentName} puisse verser la subvention, une convention précise les engagements de chacun et les conditions de versement.`,
        ),
        facts([
          { label: "Référence du projet", value: p.projectReference },
          { label: "Référence de la convention", value: p.agreementReference },
          { label: "Montant de la subvention", value: formatEuros(p.amountCents) },
          { label: "À signer avant le", value: p.signBy && formatDate(p.signBy) },
        ]),
        ...(p.documentUrl === undefined
          ? [paragraph("La convention est jointe à ce message.")]
          : [
              paragraph("Vous pouvez consulter et télécharger la convention en suivant ce lien\u00a0:"),
              action("Consulter la convention", p.documentUrl),
            ]),
        paragraph(
          `Merci de la dater, de la signer et de nous la retourner${deadline}, en rappelant la référence ${p.agreementReference}. Pour une association, une commune ou un porteur de projet mineur, la convention est signée par son représentant légal.`,
        ),
        paragraph(
          "Dès que la convention sera signée par les deux parties, l'acompte de la subvention pourra vous être versé.",
        ),
      ],
    };
  },
});
