import { basename } from "node:path";
import type { Db, DbTx } from "../../prisma/create-db.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { describeMissingColumns, describeSource } from "../import/describe-import.ts";
import { parseSpreadsheet } from "../import/parse-spreadsheet.ts";
import { findCountEdition } from "./find-count-edition.ts";
import { type KnownIdea, normalizeVoteRows, type RejectedVoteRow, voteReferences } from "./normalize-vote-rows.ts";
import { looksLikeVoteHeader, mapVoteColumns, voteFieldLabel } from "./vote-columns.ts";

export interface ImportOnlineVotesOptions {
  fileName: string;
  bytes: Buffer;
  /** The edition's year; the latest edition on record when absent. */
  editionYear?: number | undefined;
  /** False: dry run, nothing written. */
  apply: boolean;
  now: Date;
}

export interface ImportOnlineVotesOutcome {
  mode: "dry-run" | "applied" | "refused";
  /** The French report for the agent. */
  report: string;
  /** References whose online votes change (or would), and those already right. */
  updated: string[];
  unchanged: string[];
  rejected: RejectedVoteRow[];
}

const n = (value: number) => value.toLocaleString("fr-FR");

/**
 * Sets each idea's online votes from the participation platform's results export
 * (`.xlsx` or `.csv`, the same tolerances as the ideas import). Dry run by default: the
 * report lists every change (before → after) and every refused row with its line. With
 * `apply`, writes in one transaction with an audit line per idea, and only when no row is
 * refused and the results are not yet published. The votes are set, never added, so
 * importing the same file again changes nothing. Throws `IMPORT_FILE_UNREADABLE`,
 * `EDITION_NOT_FOUND`.
 */
export async function importOnlineVotes(db: Db, options: ImportOnlineVotesOptions): Promise<ImportOnlineVotesOutcome> {
  const fileName = basename(options.fileName);
  const parsed = await parseSpreadsheet(fileName, options.bytes, looksLikeVoteHeader);
  const columns = mapVoteColumns(parsed.header);
  const empty = { updated: [], unchanged: [], rejected: [] };
  if (columns.missing.length > 0) {
    const report = describeMissingColumns(fileName, parsed, columns.missing.map(voteFieldLabel));
    return { mode: "refused", report, ...empty };
  }
  const edition = await findCountEdition(db, options.editionYear);
  const found = await db.idea.findMany({
    where: { reference: { in: voteReferences(parsed.rows, columns) } },
    select: { id: true, reference: true, title: true, onlineVotes: true, edition: { select: { year: true } } },
  });
  const ideas = new Map<string, KnownIdea>(
    found.map(({ edition: e, ...idea }) => [idea.reference, { ...idea, editionYear: e.year }]),
  );
  const { rows, rejected } = normalizeVoteRows(parsed.rows, columns, ideas, edition.year);
  const changed = rows.filter((row) => row.idea.onlineVotes !== row.votes);
  const unchanged = rows.filter((row) => row.idea.onlineVotes === row.votes).map((row) => row.idea.reference);
  const apply = options.apply && rejected.length === 0 && edition.publishedAt === null;
  if (apply) {
    await db.$transaction(async (tx: DbTx) => {
      for (const row of changed) {
        await tx.idea.update({ where: { id: row.idea.id }, data: { onlineVotes: row.votes }, select: { id: true } });
        await recordAudit(tx, {
          actor: { agentId: null, name: `import ${fileName}` },
          action: "idea.online-votes",
          entity: "Idea",
          entityId: row.idea.id,
          before: { onlineVotes: row.idea.onlineVotes },
          after: { onlineVotes: row.votes },
          at: options.now,
        });
      }
    });
  }
  const mode = apply ? "applied" : options.apply ? "refused" : "dry-run";
  const absent = await db.idea.count({
    where: { editionId: edition.id, reference: { notIn: rows.map((row) => row.idea.reference) } },
  });
  const verb = mode === "applied" ? "mise(s) à jour" : "à mettre à jour";
  const report = [
    describeSource(fileName, parsed),
    `Édition ${edition.year}, votes en ligne : ${changed.length} idée(s) ${verb}, ${unchanged.length} inchangée(s), ${rejected.length} ligne(s) refusée(s).`,
    ...(columns.ignored.length > 0 ? [`Colonnes ignorées : ${columns.ignored.join(", ")}.`] : []),
    ...changed.map((r) => `- ${r.idea.reference} ${r.idea.title} : ${n(r.idea.onlineVotes)} → ${n(r.votes)} voix`),
    ...rejected.map((r) => `- ligne ${r.line}${r.reference ? ` (${r.reference})` : ""} : ${r.reasons.join(" ; ")}`),
    ...(absent > 0
      ? [`${absent} idée(s) de l'édition absente(s) du fichier : leurs votes en ligne ne changent pas.`]
      : []),
    edition.publishedAt
      ? `Les résultats de l'édition ${edition.year} sont publiés : les votes en ligne ne peuvent plus changer. Rien n'a été écrit.`
      : mode === "applied"
        ? "Votes en ligne enregistrés (une seule transaction)."
        : mode === "refused"
          ? "Rien n'a été écrit : corrigez les lignes refusées puis relancez."
          : "Simulation : rien n'a été écrit. Relancez avec --appliquer pour enregistrer.",
  ].join("\n");
  return { mode, report, updated: changed.map((row) => row.idea.reference), unchanged, rejected };
}
