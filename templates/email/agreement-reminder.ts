import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { formatDays } from "./format-days.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of a reminder about a convention still unsigned. */
export const AgreementReminderPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  projectReference: payloadFields.line(40),
  projectTitle: payloadFields.line(300),
  agreementReference: payloadFields.line(60),
  sentAt: payloadFields.date(),
  /** Computed by the reminder scan from its `now`, so the template stays pure. */
  daysSinceSent: payloadFields.count(0, 3650),
  reminderNumber: payloadFields.count(1, 99),
});

/** Reminds a porteur to sign the convention (porteurs forget). Essential: payment waits on it. */
export const agreementReminder = defineEmailTemplate({
  schema: AgreementReminderPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => ({
    subject: `${p.reminderNumber === 1 ? "Rappel" : `${p.reminderNumber}e rappel`}\u00a0: convention à signer pour votre projet ${frenchQuote(shorten(p.projectTitle, 60))}`,
    greeting: greeting(p.holderName),
    blocks: [
      paragraph(
        `Le ${formatDate(p.sentAt)}, il y a ${formatDays(p.daysSinceSent)}, nous vous avons adressé la convention de votre projet ${frenchQuote(p.projectTitle)}. Sauf erreur de notre part, nous ne l'avons pas encore reçue signée.`,
      ),
      facts([
        { label: "Référence du projet", value: p.projectReference },
        { label: "Référence de la convention", value: p.agreementReference },
        { label: "Envoyée le", value: formatDate(p.sentAt) },
      ]),
      paragraph(
        `La signature de la convention est indispensable pour que le ${departmentName} puisse verser la subvention. Merci de nous la retourner signée dès que possible.`,
      ),
      paragraph(
        "Si vous l'avez déjà renvoyée, merci de ne pas tenir compte de ce message. En cas de difficulté, n'hésitez pas à prendre contact avec le service Démocratie participative et Innovation.",
      ),
    ],
  }),
});
