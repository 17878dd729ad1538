import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of the reminder that the invoices justifying the grant are awaited. */
export const JustificationsReminderPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  projectReference: payloadFields.line(40),
  projectTitle: payloadFields.line(300),
  /** When the advance (acompte) was sent: the clock of this reminder. */
  advanceSentAt: payloadFields.date(),
  paidCents: payloadFields.cents(),
  justifiedCents: payloadFields.cents(),
  awardedCents: payloadFields.positiveCents(),
});

/**
 * Asks a porteur who received the advance for the invoices of the expense: the balance
 * (solde) can only be paid on what the checked invoices justify. Essential.
 */
export const justificationsReminder = defineEmailTemplate({
  schema: JustificationsReminderPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => ({
    subject: `Factures attendues pour votre projet ${frenchQuote(shorten(p.projectTitle, 60))}`,
    greeting: greeting(p.holderName),
    blocks: [
      paragraph(
        `Le ${formatDate(p.advanceSentAt)}, le ${departmentName} vous a versé l'acompte de la subvention de votre projet ${frenchQuote(p.projectTitle)}. Pour recevoir le solde, merci de nous transmettre les factures des dépenses réalisées.`,
      ),
      facts([
        { label: "Référence du projet", value: p.projectReference },
        { label: "Montant attribué", value: formatEuros(p.awardedCents) },
        { label: "Déjà versé", value: formatEuros(p.paidCents) },
        { label: "Justifié à ce jour", value: formatEuros(p.justifiedCents) },
      ]),
      paragraph(
        "Chaque facture doit indiquer le fournisseur, son numéro, sa date et son montant. Si le projet n'avance pas comme prévu, dites-le-nous : nous chercherons une solution ensemble.",
      ),
    ],
  }),
});
