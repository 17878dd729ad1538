import type * as z from "zod";
import { agentTest } from "./agent-test.ts";
import { agreementReminder } from "./agreement-reminder.ts";
import { agreementToSign } from "./agreement-to-sign.ts";
import type { EmailTemplate } from "./email-template.ts";
import { eventCancellation } from "./event-cancellation.ts";
import { eventInvitation } from "./event-invitation.ts";
import { eventReminder } from "./event-reminder.ts";
import { ideaDecision } from "./idea-decision.ts";
import { ideaNotSelected } from "./idea-not-selected.ts";
import { invoiceIncomplete } from "./invoice-incomplete.ts";
import { justificationsReminder } from "./justifications-reminder.ts";
import { laureatAnnounced } from "./laureat-announced.ts";
import { paymentSent } from "./payment-sent.ts";
import { reportReminder } from "./report-reminder.ts";

/**
 * Every e-mail the service sends, by the name stored in the outbox (`Notification.template`).
 * A name is a stored contract: rename one only with a data migration.
 */
export const emailTemplates = {
  "laureat-announced": laureatAnnounced,
  "agreement-to-sign": agreementToSign,
  "agreement-reminder": agreementReminder,
  "payment-sent": paymentSent,
  "invoice-incomplete": invoiceIncomplete,
  "justifications-reminder": justificationsReminder,
  "report-reminder": reportReminder,
  "event-invitation": eventInvitation,
  "event-reminder": eventReminder,
  "event-cancellation": eventCancellation,
  "idea-decision": ideaDecision,
  "idea-not-selected": ideaNotSelected,
  "agent-test": agentTest,
} as const satisfies Record<string, EmailTemplate>;

export type TemplateName = keyof typeof emailTemplates;

/** What the code writing an outbox row must put in `payload` for template `N` (dates as ISO strings). */
export type TemplatePayloadInput<N extends TemplateName> = z.input<(typeof emailTemplates)[N]["schema"]>;

/** All template names, in the order of the follow-up. */
export const templateNames = Object.keys(emailTemplates) as TemplateName[];

/** Each template's payload schema, for callers that validate before writing the outbox row. */
export const templatePayloadSchemas = Object.fromEntries(
  templateNames.map((name) => [name, emailTemplates[name].schema]),
) as { readonly [N in TemplateName]: (typeof emailTemplates)[N]["schema"] };

/** Narrows a name read from the database before rendering. */
export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(emailTemplates, value);
}

/**
 * Whether a template is essential to the follow-up (RGPD): essential e-mails go out even to
 * someone who unsubscribed, non-essential ones must be skipped for them and carry the link.
 */
export function isEssential(name: TemplateName): boolean {
  return emailTemplates[name].essential;
}
