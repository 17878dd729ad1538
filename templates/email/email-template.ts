import type * as z from "zod";
import type { EmailContent } from "./email-content.ts";

/** What a template may know besides its payload. */
export interface TemplateContext {
  /** `Département des Landes` unless the sender says otherwise. */
  readonly departmentName: string;
}

/**
 * One e-mail the porteurs can receive: the schema its outbox payload must match, whether
 * it is essential (RGPD: only non-essential e-mails can be refused, and they carry an
 * unsubscribe link), and how to turn a valid payload into structured content.
 */
export interface EmailTemplate<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly essential: boolean;
  build(payload: z.output<S>, context: TemplateContext): EmailContent;
}

/** Identity function that lets TypeScript infer `build`'s payload type from the schema. */
export function defineEmailTemplate<S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}
