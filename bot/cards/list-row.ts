import { formatEuros } from "../../domain/money/format-euros.ts";

/**
 * One row of a paged list card (projects, ideas): reference, title and amount on a line,
 * a details line under it, the whole row opening the item with `verb`.
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
      {
        type: "ColumnSet",
        columns: [
          { type: "Column", width: "auto", items: [{ type: "TextBlock", text: row.reference, weight: "Bolder" }] },
          { type: "Column", width: "stretch", items: [{ type: "TextBlock", text: row.title, wrap: true }] },
          {
            type: "Column",
            width: "auto",
            items: [{ type: "TextBlock", text: formatEuros(row.cents), horizontalAlignment: "Right" }],
          },
        ],
      },
      { type: "TextBlock", size: "Small", spacing: "None", wrap: true, ...row.details },
    ],
  };
}
