import ExcelJS from "exceljs";

/** A cell as the import reads it: Excel's formulas, hyperlinks and rich text reduced to their value. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRecord {
  line: number;
  cells: CellValue[];
}

/**
 * The rows of the first worksheet that has any, numbered as Excel shows them. A cell's
 * shown value is taken: a formula's result, a hyperlink's text (e-mail columns are often
 * `mailto:` links), rich text's plain text; an error cell reads as empty.
 */
export async function readXlsx(bytes: Buffer): Promise<SheetRecord[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const records: SheetRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    records.push({ line, cells: Array.from(cells, (value) => value ?? null) });
  });
  return records;
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return cellValue(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  return null;
}
