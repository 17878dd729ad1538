import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { bulletList, facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the notice that a checked invoice is incomplete (outcome « à compléter »). */
export const InvoiceIncompletePayloadSchema = z.object({
  holderName: payloadFields.line(200),
  projectReference: payloadFields.line(40),
  projectTitle: payloadFields.line(300),
  supplier: payloadFields.line(200),
  invoiceNumber: payloadFields.line(60),
  invoiceDate: payloadFields.date(),
  missingItems: z
    .array(payloadFields.line(300))
    .min(1, "indiquez au moins un élément manquant")
    .max(20, "pas plus de 20 éléments"),
  /** The checking agent's comment, shown as written. */
  comment: payloadFields.text(2000).optional(),
});

/**
 * Lists what an invoice lacks. Essential: until it is complete, the expense does not count
 * towards the balance, so the porteur needs to know exactly what to send.
 */
export const invoiceIncomplete = defineEmailTemplate({
  schema: InvoiceIncompletePayloadSchema,
  essential: true,
  build: (p) => ({
    subject: `Facture à compléter pour votre projet ${frenchQuote(shorten(p.projectTitle, 60))}`,
    greeting: greeting(p.holderName),
    blocks: [
      paragraph(
        `Nous avons bien reçu la facture n°\u00a0${p.invoiceNumber} de ${p.supplier}, transmise pour votre projet ${frenchQuote(p.projectTitle)}. Pour que nous puissions la prendre en compte, il nous manque les éléments suivants\u00a0:`,
      ),
      bulletList(p.missingItems),
      ...(p.comment === undefined ? [] : [paragraph(`Précision du service\u00a0:\n${p.comment}`)]),
      facts([
        { label: "Référence du projet", value: p.projectReference },
        { label: "Fournisseur", value: p.supplier },
        { label: "Numéro de facture", value: p.invoiceNumber },
        { label: "Date de la facture", value: formatDate(p.invoiceDate) },
      ]),
      paragraph(
        `Merci de nous transmettre ces éléments dès que possible, en rappelant la référence du projet (${p.projectReference}) et le numéro de la facture. Seules les factures complètes sont prises en compte pour calculer le solde de votre subvention.`,
      ),
    ],
  }),
});
