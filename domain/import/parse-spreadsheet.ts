import { DomainError } from "../errors/domain-error.ts";
import { decodeText, type TextEncoding } from "./decode-text.ts";
import { type CsvSeparator, detectSeparator, parseCsv } from "./parse-csv.ts";
import { type CellValue, readXlsx, type SheetRecord } from "./read-xlsx.ts";

/** A spreadsheet reduced to its header and its non-blank data rows, with their line numbers. */
export interface ParsedSpreadsheet {
  format: "xlsx" | "csv";
  /** CSV only: what was detected, for the report. */
  encoding?: TextEncoding;
  separator?: CsvSeparator;
  header: string[];
  headerLine: number;
  rows: SheetRecord[];
}

const isBlank = (value: CellValue) => value === null || (typeof value === "string" && value.trim() === "");

/**
 * Reads an `.xlsx` workbook (first sheet with data) or a `.csv` file (separator and
 * encoding detected) into rows of cells. The header is the first non-blank row that
 * `isHeader` accepts (a title line may sit above it); blank rows are skipped but keep
 * their line number, so the report's « ligne 12 » is line 12 in Excel. Throws `IMPORT_FILE_UNREADABLE` for anything else (an old `.xls`).
 */
export async function parseSpreadsheet(
  fileName: string,
  bytes: Buffer,
  isHeader: (cells: string[]) => boolean = () => true,
): Promise<ParsedSpreadsheet> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  const lower = fileName.toLowerCase();
  if (isOle || lower.endsWith(".xls") || lower.endsWith(".ods")) {
    throw new DomainError("IMPORT_FILE_UNREADABLE", {
      fileName,
      reason: "ce format n'est pas pris en charge. Dans Excel, « Enregistrer sous » Classeur Excel (.xlsx) ou CSV.",
    });
  }
  if (isZip) {
    const records = await readXlsx(bytes).catch(() => {
      throw new DomainError("IMPORT_FILE_UNREADABLE", { fileName, reason: "ce n'est pas un classeur .xlsx valide." });
    });
    return { format: "xlsx", ...splitHeader(records, isHeader) };
  }
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text);
  return { format: "csv", encoding, separator, ...splitHeader(parseCsv(text, separator), isHeader) };
}

/** The header is the first non-blank row `isHeader` accepts among the first ten (a title may sit above it). */
function splitHeader(
  records: SheetRecord[],
  isHeader: (cells: string[]) => boolean,
): Pick<ParsedSpreadsheet, "header" | "headerLine" | "rows"> {
  const filled = records.filter((record) => !record.cells.every(isBlank));
  const texts = filled.map((record) => record.cells.map((cell) => (cell === null ? "" : String(cell).trim())));
  const found = texts.slice(0, 10).findIndex(isHeader);
  const index = found === -1 ? 0 : found;
  return { header: texts[index] ?? [], headerLine: filled[index]?.line ?? 0, rows: filled.slice(index + 1) };
}
