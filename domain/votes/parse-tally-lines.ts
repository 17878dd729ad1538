import { normalizeIdeaReference } from "../ideas/normalize-idea-reference.ts";
import { parseVoteCount } from "./parse-vote-count.ts";

/**
 * More votes for one idea at one polling place than this is a typo (an extra digit), not
 * a result: the largest communes of the Landes have some 30 000 inhabitants, split among
 * several places, and a voter gives an idea one vote at most.
 */
export const MAX_PLACE_VOTES = 20_000;

/** One line of a paper tally as typed: the idea and its votes at the place. */
export interface TypedTallyLine {
  line: number;
  reference: string;
  votes: number;
}

/**
 * Reads a paper tally as agents type or paste it, one idea a line: `I2024-0123 125`,
 * two columns pasted from Excel (tab-separated) or `I2024-0123;125`. With tabs or `;`,
 * the first cell is the reference and the last the votes (a title column in between is
 * ignored); a header line on top (`Référence  Voix`) is skipped. Every line that cannot
 * be read is reported with its number, in French; the references are not checked against
 * the ideas here (see `enterTally`).
 */
export function parseTallyLines(text: string): { lines: TypedTallyLine[]; problems: string[] } {
  const lines: TypedTallyLine[] = [];
  const problems: string[] = [];
  const rows = text.split(/\r\n|\r|\n/);
  let first = true;
  rows.forEach((row, index) => {
    const line = index + 1;
    const trimmed = row.trim();
    if (!trimmed) return;
    const [referenceText, countText] = splitRow(trimmed);
    const reference = normalizeIdeaReference(referenceText);
    const count = parseVoteCount(countText, MAX_PLACE_VOTES);
    const isHeader = first && !reference && !count.ok;
    first = false;
    if (isHeader) return;
    const reasons: string[] = [];
    if (!reference)
      reasons.push(`« ${referenceText.slice(0, 40)} » n'est pas une référence d'idée (par exemple I2024-0123)`);
    if (!count.ok) reasons.push(count.reason);
    if (!reference || !count.ok) {
      problems.push(`ligne ${line} : ${reasons.join(" ; ")}`);
      return;
    }
    lines.push({ line, reference, votes: count.votes });
  });
  return { lines, problems };
}

/** `I2024-0123\tPumptrack\t125` → reference and votes cells; `I2024-0123 1 234` → the same. */
function splitRow(row: string): [string, string] {
  if (/[\t;]/.test(row)) {
    const cells = row
      .split(/[\t;]/)
      .map((cell) => cell.trim())
      .filter(Boolean);
    return [cells[0] ?? "", cells.length > 1 ? (cells[cells.length - 1] ?? "") : ""];
  }
  const space = row.search(/\s/);
  return space === -1 ? [row, ""] : [row.slice(0, space), row.slice(space + 1).trim()];
}
