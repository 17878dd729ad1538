import type * as z from "zod";
import { type EmailContext, EmailContextSchema } from "./email-context.ts";
import type { EmailTemplate } from "./email-template.ts";
import { emailTemplates, isTemplateName, type TemplateName } from "./email-templates.ts";
import { frenchErrorMap } from "./french-error-map.ts";
import { renderLayout } from "./layout.ts";
import { toSubjectLine } from "./subject-line.ts";
import { TemplatePayloadError } from "./template-payload-error.ts";

export type { EmailContext } from "./email-context.ts";
export {
  isEssential,
  isTemplateName,
  type TemplateName,
  type TemplatePayloadInput,
  templateNames,
  templatePayloadSchemas,
} from "./email-templates.ts";
export { TemplatePayloadError, type TemplatePayloadIssue } from "./template-payload-error.ts";

/** An e-mail ready for the mailer: both MIME parts and whether it may be refused. */
export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly essential: boolean;
}

function parseOrThrow<S extends z.ZodType>(name: string, schema: S, input: unknown, prefix = ""): z.output<S> {
  const result = schema.safeParse(input, { error: frenchErrorMap });
  if (!result.success) throw TemplatePayloadError.fromZod(name, result.error, prefix);
  return result.data;
}

/**
 * Renders e-mail `name` for one recipient. Pure: no clock, no I/O, the same input always
 * gives the same e-mail, so the sending job can render again after a crash.
 *
 * `payload` is typed `unknown` on purpose: it comes from an outbox row (JSON), and the
 * template's schema is what checks it. Writers get compile-time help from
 * `TemplatePayloadInput<N>`. Throws `TemplatePayloadError` (French message naming the bad
 * fields) for an unknown name, an invalid payload, or a non-essential e-mail without an
 * unsubscribe link; that error is final, retrying cannot fix it.
 */
export function renderEmail(name: TemplateName, payload: unknown, context: EmailContext = {}): RenderedEmail {
  if (!isTemplateName(name)) {
    throw new TemplatePayloadError(String(name), [{ field: "(modèle)", message: "modèle d'e-mail inconnu" }]);
  }
  const template: EmailTemplate = emailTemplates[name];
  const data = parseOrThrow(name, template.schema, payload);
  const { departmentName, unsubscribeUrl } = parseOrThrow(name, EmailContextSchema, context, "contexte.");
  if (!template.essential && unsubscribeUrl === undefined) {
    throw new TemplatePayloadError(name, [
      { field: "contexte.unsubscribeUrl", message: "lien de désinscription obligatoire pour un e-mail non essentiel" },
    ]);
  }
  const content = template.build(data, { departmentName });
  const subject = toSubjectLine(content.subject);
  const parts = renderLayout(
    { ...content, subject },
    { departmentName, unsubscribeUrl: template.essential ? undefined : unsubscribeUrl },
  );
  return { subject, html: parts.html, text: parts.text, essential: template.essential };
}
