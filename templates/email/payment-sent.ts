import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the notice that money was sent (entered in Astre). */
export const PaymentSentPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  projectReference: payloadFields.line(40),
  projectTitle: payloadFields.line(300),
  kind: z.enum(["ADVANCE", "BALANCE"]),
  amountCents: payloadFields.positiveCents(),
  /** Astre mandate number, which the porteur's treasurer may need to match the transfer. */
  astreMandate: payloadFields.line(40).optional(),
  sentAt: payloadFields.date(),
  remainingCents: payloadFields.cents(),
});

const kindWords = {
  ADVANCE: { the: "l'acompte", label: "Acompte" },
  BALANCE: { the: "le solde", label: "Solde" },
} as const;

/**
 * Tells the porteur an advance (acompte) or balance (solde) was sent. Essential: it is
 * their money. Says when the transfer may show up and what the next step is.
 */
export const paymentSent = defineEmailTemplate({
  schema: PaymentSentPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => {
    const words = kindWords[p.kind];
    return {
      subject: `Versement ${p.kind === "ADVANCE" ? "de l'acompte" : "du solde"} pour votre projet ${frenchQuote(shorten(p.projectTitle, 60))}`,
      greeting: greeting(p.holderName),
      blocks: [
        paragraph(
          `Le ${departmentName} a procédé au versement de ${words.the} de la subvention attribuée à votre projet ${frenchQuote(p.projectTitle)}.`,
        ),
        facts([
          { label: "Référence du projet", value: p.projectReference },
          { label: "Nature du versement", value: words.label },
          { label: "Montant versé", value: formatEuros(p.amountCents) },
          { label: "Mis en paiement le", value: formatDate(p.sentAt) },
          { label: "Numéro de mandat", value: p.astreMandate },
          { label: "Reste à verser", value: formatEuros(p.remainingCents) },
        ]),
        paragraph(
          "Le virement peut mettre quelques jours à apparaître sur votre compte, selon les délais du comptable public et de votre banque.",
        ),
        paragraph(
          p.kind === "ADVANCE"
            ? `Le solde sera versé sur présentation des factures acquittées justifiant les dépenses du projet. Pensez à nous les transmettre au fur et à mesure, en rappelant la référence ${p.projectReference}.`
            : "Ce versement correspond au solde de la subvention, calculé d'après les factures justifiées. Un an après la réalisation de votre projet, nous vous demanderons un court bilan\u00a0: son utilisation, sa fréquentation et quelques photos.",
        ),
      ],
    };
  },
});
