import { normalizeIdeaReference } from "../ideas/normalize-idea-reference.ts";
import type { CellValue, SheetRecord } from "../import/read-xlsx.ts";
import { parseVoteCount } from "./parse-vote-count.ts";
import type { VoteColumnMap, VoteField } from "./vote-columns.ts";

/** More online votes than the Landes have inhabitants is a broken export, not a result. */
export const MAX_ONLINE_VOTES = 1_000_000;

/** An idea the export names, as on record. */
export interface KnownIdea {
  id: number;
  reference: string;
  title: string;
  onlineVotes: number;
  editionYear: number;
}

/** A valid row: the idea and the online votes the platform counted for it. */
export interface VoteRow {
  line: number;
  idea: KnownIdea;
  votes: number;
}

export interface RejectedVoteRow {
  line: number;
  reference: string | null;
  reasons: string[];
}

const cellText = (value: CellValue | undefined): string =>
  value === null || value === undefined || value instanceof Date ? "" : String(value).trim();

/** The references a file names, normalised, to look their ideas up in one query. */
export function voteReferences(records: SheetRecord[], columns: VoteColumnMap): string[] {
  const index = columns.index.reference;
  if (index === undefined) return [];
  return records.flatMap((record) => normalizeIdeaReference(cellText(record.cells[index])) ?? []);
}

/**
 * Checks every row of the results export against the ideas of the edition: a reference
 * that is unknown, of another edition or seen twice, and a count that is missing,
 * negative, decimal or absurd refuse the row, with every reason and its line.
 */
export function normalizeVoteRows(
  records: SheetRecord[],
  columns: VoteColumnMap,
  ideas: Map<string, KnownIdea>,
  editionYear: number,
): { rows: VoteRow[]; rejected: RejectedVoteRow[] } {
  const rows: VoteRow[] = [];
  const rejected: RejectedVoteRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const cell = (field: VoteField) => {
      const index = columns.index[field];
      return index === undefined ? undefined : record.cells[index];
    };
    const reasons: string[] = [];
    const referenceText = cellText(cell("reference"));
    const reference = normalizeIdeaReference(referenceText);
    const idea = reference ? ideas.get(reference) : undefined;
    if (!referenceText) reasons.push("référence manquante");
    else if (!reference) reasons.push(`référence « ${referenceText.slice(0, 40)} » invalide`);
    else if (!idea) reasons.push(`aucune idée ${reference} n'est enregistrée`);
    else if (idea.editionYear !== editionYear)
      reasons.push(`l'idée ${reference} appartient à l'édition ${idea.editionYear}, pas à ${editionYear}`);
    const firstLine = reference ? seen.get(reference) : undefined;
    if (reference && firstLine !== undefined) reasons.push(`idée ${reference} déjà présente ligne ${firstLine}`);
    else if (reference) seen.set(reference, record.line);
    const raw = cell("votes");
    const count = parseVoteCount(typeof raw === "number" ? raw : cellText(raw), MAX_ONLINE_VOTES);
    if (!count.ok) reasons.push(count.reason);
    if (reasons.length > 0 || !idea || !count.ok) {
      rejected.push({ line: record.line, reference, reasons });
      continue;
    }
    rows.push({ line: record.line, idea, votes: count.votes });
  }
  return { rows, rejected };
}
