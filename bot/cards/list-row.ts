import { formatEuros } from "../../domain/money/format-euros.ts";

/**
 * One row of a paged list card (projects, ideas): reference, title and amount on a line,
 * a details line under it, the whole row opening the item with `verb`. Two text lines,
 * no columns: a page of ten rows stays about half as heavy to send and to render.
 */
export function listRow(row: {
  reference: string;
  title: string;
  cents: number;
  verb: string;
  details: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: "Container",
    separator: true,
    spacing: "Small",
    selectAction: {
      type: "Action.Execute",
      title: `Ouvrir ${row.reference}`,
      verb: row.verb,
      data: { reference: row.reference },
    },
    items: [
      { type: "TextBlock", text: `**${row.reference}** · ${row.title} · ${formatEuros(row.cents)}`, wrap: true },
      { type: "TextBlock", size: "Small", spacing: "None", wrap: true, ...row.details },
    ],
  };
}
