import { basename } from "node:path";
import type { Db, DbTx } from "../../prisma/create-db.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { describeMissingColumns, describeSource } from "../import/describe-import.ts";
import { parseSpreadsheet } from "../import/parse-spreadsheet.ts";
import { ideaFieldLabel, looksLikeIdeaHeader, mapIdeaColumns } from "./idea-columns.ts";
import { type IdeaRow, normalizeIdeaRows, type RejectedIdeaRow } from "./normalize-idea-row.ts";

export interface ImportIdeasOptions {
  fileName: string;
  bytes: Buffer;
  /** The edition's year; the latest edition on record when absent. */
  editionYear?: number | undefined;
  /** False: dry run, nothing written. */
  apply: boolean;
  now: Date;
}

export interface ImportIdeasOutcome {
  mode: "dry-run" | "applied" | "refused";
  /** The French report for the agent. */
  report: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: RejectedIdeaRow[];
}

/** The columns the import writes; the analysis (status, decision, notes, votes) is never touched. */
const WRITTEN = [
  "title",
  "description",
  "holderName",
  "holderKind",
  "contactEmail",
  "contactPhone",
  "communeId",
  "cantonId",
  "themeId",
  "estimatedCents",
  "isYouth",
  "fieldOfAction",
] as const;

type IdeaData = Pick<IdeaRow, (typeof WRITTEN)[number]>;

const dataOf = (row: IdeaRow): IdeaData =>
  Object.fromEntries(WRITTEN.map((field) => [field, row[field]])) as unknown as IdeaData;

/**
 * Loads the ideas exported from the participation platform (`.xlsx` or `.csv`) into an
 * edition. Dry run by default: the report says what would be created or updated and
 * refuses bad rows with their line and reasons. With `apply`, writes in one transaction,
 * and only when no row is refused (a half-imported export is harder to fix). Importing
 * the same file again changes nothing: ideas are found by reference (the platform's id,
 * or one derived from title and contact). Throws `IMPORT_FILE_UNREADABLE`, `EDITION_NOT_FOUND`.
 */
export async function importIdeas(db: Db, options: ImportIdeasOptions): Promise<ImportIdeasOutcome> {
  const fileName = basename(options.fileName);
  const parsed = await parseSpreadsheet(fileName, options.bytes, looksLikeIdeaHeader);
  const columns = mapIdeaColumns(parsed.header);
  const empty = { created: [], updated: [], unchanged: [], rejected: [] };
  if (columns.missing.length > 0) {
    const report = describeMissingColumns(fileName, parsed, columns.missing.map(ideaFieldLabel));
    return { mode: "refused", report, ...empty };
  }
  const editions = await db.edition.findMany({ select: { id: true, year: true }, orderBy: { year: "desc" } });
  const edition =
    options.editionYear === undefined ? editions[0] : editions.find((e) => e.year === options.editionYear);
  if (!edition) {
    throw new DomainError("EDITION_NOT_FOUND", {
      value: String(options.editionYear ?? ""),
      known: editions.map((e) => e.year).join(", "),
    });
  }
  const [cantons, communes, themes] = await Promise.all([
    db.canton.findMany({ select: { id: true, name: true } }),
    db.commune.findMany({ select: { id: true, name: true, cantonId: true } }),
    db.theme.findMany({ where: { editionId: edition.id }, select: { id: true, name: true } }),
  ]);
  const { rows, rejected, notes } = normalizeIdeaRows(parsed.rows, columns, {
    editionYear: edition.year,
    cantons,
    communes,
    themes,
  });
  const apply = options.apply && rejected.length === 0;
  const plan = async (tx: DbTx) => {
    const existing = await tx.idea.findMany({
      where: { reference: { in: rows.map((row) => row.reference) } },
      select: { id: true, reference: true, editionId: true, ...Object.fromEntries(WRITTEN.map((f) => [f, true])) },
    });
    const byReference = new Map(existing.map((idea) => [idea.reference, idea as unknown as IdeaData & { id: number }]));
    const created: string[] = [];
    const updated: string[] = [];
    const unchanged: string[] = [];
    for (const row of rows) {
      const before = byReference.get(row.reference);
      const data = dataOf(row);
      if (!before) {
        created.push(row.reference);
        if (!apply) continue;
        const idea = await tx.idea.create({
          data: { ...data, reference: row.reference, editionId: edition.id },
          select: { id: true },
        });
        await recordAudit(tx, {
          actor: { agentId: null, name: `import ${fileName}` },
          action: "idea.import",
          entity: "Idea",
          entityId: idea.id,
          before: null,
          after: { reference: row.reference, ...data },
          at: options.now,
        });
        continue;
      }
      const changed = WRITTEN.filter((field) => before[field] !== data[field]);
      if (changed.length === 0) {
        unchanged.push(row.reference);
        continue;
      }
      updated.push(row.reference);
      if (!apply) continue;
      await tx.idea.update({ where: { id: before.id }, data, select: { id: true } });
      await recordAudit(tx, {
        actor: { agentId: null, name: `import ${fileName}` },
        action: "idea.import",
        entity: "Idea",
        entityId: before.id,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, data[f]])),
        at: options.now,
      });
    }
    return { created, updated, unchanged };
  };
  const result = apply ? await db.$transaction(plan, { timeout: 60_000 }) : await plan(db);
  const mode = apply ? "applied" : options.apply ? "refused" : "dry-run";
  const verb = mode === "applied" ? "" : "à ";
  const report = [
    describeSource(fileName, parsed),
    `Édition ${edition.year} : ${result.created.length} idée(s) ${verb}créer, ${result.updated.length} ${verb}mettre à jour, ${result.unchanged.length} inchangée(s), ${rejected.length} ligne(s) refusée(s).`,
    ...(columns.ignored.length > 0 ? [`Colonnes ignorées : ${columns.ignored.join(", ")}.`] : []),
    ...rejected.map((r) => `- ligne ${r.line}${r.reference ? ` (${r.reference})` : ""} : ${r.reasons.join(" ; ")}`),
    ...notes.map((note) => `- ${note}`),
    mode === "applied"
      ? "Import enregistré."
      : mode === "refused"
        ? "Rien n'a été écrit : corrigez les lignes refusées puis relancez."
        : "Simulation : rien n'a été écrit. Relancez avec --apply pour enregistrer.",
  ].join("\n");
  return { mode, report, ...result, rejected };
}
