import { basename } from "node:path";
import type { Db } from "../../prisma/create-db.ts";
import { applyImport } from "./apply-import.ts";
import {
  countPlan,
  describeImport,
  describeMissingColumns,
  describeSource,
  type ImportCounts,
  type ImportMode,
} from "./describe-import.ts";
import { fieldLabel, looksLikeHeader, mapColumns } from "./import-columns.ts";
import { normalizeRows, type RejectedRow } from "./normalize-row.ts";
import { parseSpreadsheet } from "./parse-spreadsheet.ts";
import { type ImportPlan, planImport } from "./plan-import.ts";

export interface ImportOptions {
  /** Shown in the report and in the audit log (`import <file name>`). */
  fileName: string;
  bytes: Buffer;
  /** False: dry run, nothing written. */
  apply: boolean;
  /** With `apply`: import the valid rows even when some are refused. */
  skipInvalid: boolean;
  now: Date;
}

export interface ImportOutcome {
  mode: ImportMode;
  /** The French report for the agent. */
  report: string;
  counts: ImportCounts;
  rejected: RejectedRow[];
}

/**
 * Loads the winners of an existing tracking spreadsheet (`.xlsx` or `.csv`). Dry run by
 * default: the report says what would change and refuses bad rows with their line and
 * reasons. With `apply`, writes in one transaction, and only if no row is refused (unless
 * `skipInvalid`): a half-imported sheet is harder to fix than a sheet fixed first.
 * Importing the same file again changes nothing. Throws `IMPORT_FILE_UNREADABLE`.
 */
export async function importSpreadsheet(db: Db, options: ImportOptions): Promise<ImportOutcome> {
  const fileName = basename(options.fileName);
  const parsed = await parseSpreadsheet(fileName, options.bytes, looksLikeHeader);
  const columns = mapColumns(parsed.header);
  const common = {
    fileName,
    parsed,
    ignored: columns.ignored,
    duplicated: columns.duplicated,
    skipInvalid: options.skipInvalid,
  };
  if (columns.missing.length > 0) {
    const report = describeMissingColumns(fileName, parsed, columns.missing.map(fieldLabel));
    return { mode: "refused", report, counts: countPlan(null, []), rejected: [] };
  }
  const cantons = await db.canton.findMany({ select: { id: true, name: true } });
  if (cantons.length === 0) {
    const report = `${describeSource(fileName, parsed)}\nLa base ne contient aucun canton : chargez d'abord les données de référence (npm run seed). Rien n'a été écrit.`;
    return { mode: "refused", report, counts: countPlan(null, []), rejected: [] };
  }
  const { rows, rejected } = normalizeRows(parsed.rows, columns, cantons);
  let mode: ImportMode = "dry-run";
  let plan: ImportPlan;
  if (options.apply && (rejected.length === 0 || options.skipInvalid)) {
    plan = await applyImport(db, rows, { actorLabel: `import ${fileName}`, now: options.now });
    mode = "applied";
  } else {
    plan = await planImport(db, rows);
    if (options.apply) mode = "refused";
  }
  return {
    mode,
    report: describeImport({ ...common, plan, rejected, mode }),
    counts: countPlan(plan, rejected),
    rejected,
  };
}
