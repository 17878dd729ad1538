import { buildMonitoringReport } from "../../domain/reports/build-monitoring-report.ts";
import { editionNotFound } from "../../domain/reports/edition-not-found.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { buildReportCard, reportCardSummary } from "../cards/report-card.ts";
import { reportDownloadLinks } from "../web/report-links.ts";
import type { Command, Reply } from "./command.ts";

const ALL_EDITIONS = new Set(["", "tout", "toutes", "tous", "toutes les editions"]);

/**
 * `rapport 2022` (or `rapport` for every edition): the rapport de suivi for the elected
 * officials, as a summary card with signed 24-hour links to the full workbook and CSV.
 * Readers may run it: it changes nothing.
 */
export const rapportCommand: Command = {
  name: "rapport",
  triggers: ["rapport", "rapports", "report"],
  help: "**rapport 2022** : le rapport de suivi d'une édition (totaux par statut, classeur Excel et CSV à télécharger)",
  requires: "READER",
  async handle({ args, user, deps }): Promise<Reply> {
    const editionYear = parseEdition(args);
    if (editionYear === undefined) throw await editionNotFound(deps.db, args.trim().slice(0, 40));
    const now = deps.now();
    const report = await buildMonitoringReport(deps.db, { editionYear, now });
    const by = user.name ?? user.aadObjectId ?? "un agent";
    const links = reportDownloadLinks(deps.config, { edition: editionYear, by }, now);
    return { card: buildReportCard(report, links), summary: reportCardSummary(report) };
  },
};

/** `2022` → 2022, nothing or `toutes` → null (every edition), anything else undefined. */
function parseEdition(args: string): number | null | undefined {
  const text = normalizeKey(args);
  if (ALL_EDITIONS.has(text)) return null;
  const match = /^(?:edition\s+)?(\d{4})$/.exec(text);
  return match ? Number(match[1]) : undefined;
}
