import type * as z from "zod";

/** One bad field: its path in the payload (`missingItems.0`) and what is wrong, in French. */
export interface TemplatePayloadIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * An e-mail that cannot be rendered from what it was given (unknown template, payload not
 * matching the schema, no unsubscribe link for a non-essential e-mail). Retrying will not
 * help: the sending job should fail for good and show this message to the agents.
 */
export class TemplatePayloadError extends Error {
  override name = "TemplatePayloadError";
  readonly templateName: string;
  readonly issues: readonly TemplatePayloadIssue[];

  constructor(templateName: string, issues: readonly TemplatePayloadIssue[]) {
    const details = issues.map((issue) => `« ${issue.field} » : ${issue.message}`).join(" ; ");
    super(`Impossible de préparer l'e-mail « ${templateName} » : ${details}.`);
    this.templateName = templateName;
    this.issues = issues;
  }

  /** Names of the bad fields, for logs and tests. */
  get fields(): string[] {
    return this.issues.map((issue) => issue.field);
  }

  /** Builds the error from a failed zod parse; `prefix` tells payload fields from context fields. */
  static fromZod(templateName: string, error: z.ZodError, prefix = ""): TemplatePayloadError {
    return new TemplatePayloadError(
      templateName,
      error.issues.map((issue) => ({
        field: prefix + (issue.path.length > 0 ? issue.path.map(String).join(".") : "(données)"),
        message: issue.message,
      })),
    );
  }
}
