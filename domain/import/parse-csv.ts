/** A record of a delimited text file and the line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvSeparator = ";" | "," | "\t";

/**
 * The separator: the one of `;`, `,` and tab that occurs most outside quotes in the
 * first ten lines. French Excel writes `;`, an English one `,`, a copy from a sheet
 * tabs; a tie (one column) means `;`.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  let lines = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n" && ++lines >= 10) break;
    else if (!quoted && char in counts) counts[char as CsvSeparator] += 1;
  }
  return (Object.keys(counts) as CsvSeparator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ";");
}

/**
 * Splits delimited text into records per RFC 4180 (quoted fields may hold separators,
 * doubled quotes and line breaks), accepting CRLF, LF or CR line ends. A quote inside an
 * unquoted field is kept as typed rather than rejected, as Excel does.
 */
export function parseCsv(text: string, separator: CsvSeparator): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    cells.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line++;
        field += char;
      }
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === separator) {
      endField();
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== "" || cells.length > 0 || fieldStarted) endRecord();
  return records;
}
