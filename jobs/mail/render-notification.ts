import { UnrecoverableError } from "bullmq";
import { EventIcsBlockSchema } from "../../domain/events/event-ics-block.ts";
import { isTemplateName, renderEmail } from "../../templates/email/render-email.ts";
import { buildEventIcs } from "./build-event-ics.ts";

export interface RenderedNotification {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** An iCalendar invite (METHOD matching the MIME part), for invitations. */
  icalEvent?: { method: string; content: string; filename?: string };
}

/**
 * Renders an outbox row into the message to send. Non-essential e-mails carry the
 * RFC 8058 one-click unsubscribe headers, handled by the bot server.
 */
export function renderNotification(
  row: { template: string; payload: unknown },
  /** The one-click unsubscribe link: only non-essential e-mails need one. */
  context: { unsubscribeUrl?: string | undefined },
): RenderedNotification {
  if (!isTemplateName(row.template)) throw new UnrecoverableError(`modèle d'e-mail inconnu : ${row.template}`);
  const email = renderEmail(row.template, row.payload, context);
  const headers: Record<string, string> = {};
  if (!email.essential) {
    headers["List-Unsubscribe"] = `<${context.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  const ics = (row.payload as { ics?: unknown } | null)?.ics;
  if (ics !== undefined) {
    const block = EventIcsBlockSchema.safeParse(ics);
    if (!block.success) throw new UnrecoverableError(`bloc iCalendar invalide : ${block.error.message}`);
    const icalEvent = {
      method: block.data.method,
      content: buildEventIcs(block.data),
      filename: block.data.method === "CANCEL" ? "annulation.ics" : "invitation.ics",
    };
    return { subject: email.subject, html: email.html, text: email.text, headers, icalEvent };
  }
  return { subject: email.subject, html: email.html, text: email.text, headers };
}
