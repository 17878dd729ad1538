import { parisDayKey } from "../../domain/dates/paris-time.ts";
import { parseFrenchDate } from "../../domain/dates/parse-french-date.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { findAstrePayments } from "../../domain/payments/find-astre-payments.ts";
import { astreFileName } from "../../domain/payments/write-astre-csv.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { generatedFileLink } from "../web/generated-file-links.ts";
import type { Command, CommandContext, Reply } from "./command.ts";

const USAGE = "export astre du 01/03/2026 au 31/03/2026";

/**
 * `export astre 2022` or `export astre du 01/03/2026 au 31/03/2026`: the payments of
 * an edition or a period as the CSV Finance types into Astre, behind a signed 24-hour
 * link. Agents only (it lists SIRET and amounts per porteur).
 */
export const exportAstreCommand: Command = {
  name: "export astre",
  triggers: ["export", "exporter"],
  help: "**export astre 2022** ou **export astre du 01/03/2026 au 31/03/2026** : les versements à saisir dans Astre (CSV)",
  requires: "AGENT",
  async handle({ args, deps }: CommandContext): Promise<Reply> {
    const folded = normalizeKey(args);
    const body = /^astre\b\s*(.*)$/u.exec(folded);
    if (!body) throw unclear("Je sais exporter les versements pour Astre.");
    const selection = parseSelection(body[1] ?? "");
    const now = deps.now();
    const payments = await findAstrePayments(deps.db, selection);
    const url = generatedFileLink(deps.config, { kind: "astre", ...selection }, now);
    const scope =
      "edition" in selection
        ? `de l'édition ${selection.edition}`
        : `du ${day(selection.from)} au ${day(selection.to)}`;
    const count = payments.length;
    return {
      text: [
        `Export Astre des versements ${scope} : ${count === 0 ? "aucun versement" : count === 1 ? "1 versement" : `${count} versements`}.`,
        `[Télécharger ${astreFileName(selection)}](${url}) — lien valable 24 heures.`,
      ].join("\n\n"),
    };
  },
};

function parseSelection(text: string): { edition: number } | { from: string; to: string } {
  const edition = /^(?:edition\s+)?(\d{4})$/u.exec(text.trim());
  if (edition) return { edition: Number(edition[1]) };
  const range = /^du\s+(\S+)\s+au\s+(\S+)$/u.exec(text.trim());
  if (!range) throw unclear("Indiquez une édition ou une période.");
  const from = parisDayKey(parseFrenchDate(range[1] ?? ""));
  const to = parisDayKey(parseFrenchDate(range[2] ?? ""));
  if (from > to) throw unclear("La période commence après sa fin.");
  return { from, to };
}

function day(key: string): string {
  const [y, m, d] = key.split("-");
  return `${d}/${m}/${y}`;
}

function unclear(problem: string): DomainError {
  return new DomainError("COMMAND_UNCLEAR", { problem, usage: USAGE });
}
