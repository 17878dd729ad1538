/**
 * The structured body of an e-mail: templates say *what* to tell the porteur, the layout
 * decides *how* it looks in HTML and in plain text, so both parts always say the same thing.
 */
export interface EmailContent {
  /** Raw subject; `renderEmail` strips line breaks and shortens it. */
  readonly subject: string;
  /** `Bonjour Léa,` or `Madame, Monsieur,`. */
  readonly greeting: string;
  readonly blocks: readonly EmailBlock[];
}

/** One line of a key-value table; a row without a value is left out by the layout. */
export interface EmailFact {
  readonly label: string;
  readonly value: string | undefined;
}

/** The few shapes an e-mail body is made of; plain text only, the layout escapes it. */
export type EmailBlock =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "facts"; readonly rows: readonly EmailFact[] }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "action"; readonly label: string; readonly url: string };

/** A paragraph; `\n` inside it becomes a line break. */
export function paragraph(text: string): EmailBlock {
  return { kind: "paragraph", text };
}

/** A key-value table for references, amounts and dates. */
export function facts(rows: readonly EmailFact[]): EmailBlock {
  return { kind: "facts", rows };
}

/** A bulleted list (missing documents, what a report contains). */
export function bulletList(items: readonly string[]): EmailBlock {
  return { kind: "list", items };
}

/** A call-to-action link, shown as a button in HTML and spelled out in plain text. */
export function action(label: string, url: string): EmailBlock {
  return { kind: "action", label, url };
}
