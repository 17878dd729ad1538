/**
 * One line of a table of figures in an Adaptive Card 1.5 (Teams renders no `Table`
 * reliably on every client): a label that stretches and wraps, then right-aligned
 * figures; bold for a header line.
 */
export function figureRow(cells: readonly string[], bold = false): Record<string, unknown> {
  return {
    type: "ColumnSet",
    spacing: "Small",
    columns: cells.map((text, index) => ({
      type: "Column",
      width: index === 0 ? "stretch" : "auto",
      items: [
        {
          type: "TextBlock",
          text,
          ...(index === 0 ? { wrap: true } : {}),
          ...(index > 0 ? { horizontalAlignment: "Right" } : {}),
          ...(bold ? { weight: "Bolder" } : {}),
        },
      ],
    })),
  };
}
