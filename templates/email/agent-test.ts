import * as z from "zod";
import { formatDateTime } from "../../domain/dates/format-date.ts";
import { facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";

/** Payload of the test message an agent sends to check that e-mails go out. */
export const AgentTestPayloadSchema = z.object({
  recipientName: payloadFields.line(200).optional(),
  requestedBy: payloadFields.line(200).optional(),
  /** When the agent asked; passed in because the renderer never reads the clock. */
  requestedAt: payloadFields.date().optional(),
});

/**
 * A short message an operator sends to check the mail chain (SMTP, relay, spam filters).
 * Marked essential so an unsubscribed address still receives it: it is sent on purpose.
 */
export const agentTest = defineEmailTemplate({
  schema: AgentTestPayloadSchema,
  essential: true,
  build: (p) => ({
    subject: "Message de test — Budget participatif citoyen des Landes",
    greeting: p.recipientName === undefined ? "Bonjour," : greeting(p.recipientName),
    blocks: [
      paragraph(
        "Ceci est un message de test envoyé par l'assistant du Budget participatif citoyen des Landes. S'il vous est parvenu, l'envoi des e-mails fonctionne.",
      ),
      facts([
        { label: "Demandé par", value: p.requestedBy },
        { label: "Demandé le", value: p.requestedAt && formatDateTime(p.requestedAt) },
      ]),
      paragraph("Il n'appelle aucune réponse de votre part."),
    ],
  }),
});
