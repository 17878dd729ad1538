import type { ImportField } from "./import-columns.ts";
import { fieldLabel } from "./import-columns.ts";
import type { RejectedRow } from "./normalize-row.ts";
import type { ParsedSpreadsheet } from "./parse-spreadsheet.ts";
import type { FieldChange, ImportPlan, PlanAction } from "./plan-import.ts";

/** How many projects and porteurs each action concerns, and the reference rows created. */
export interface ImportCounts {
  projects: Record<PlanAction, number>;
  holders: Record<PlanAction, number>;
  editions: number;
  themes: number;
  communes: number;
  rejected: number;
}

export type ImportMode = "dry-run" | "applied" | "refused";

export function countPlan(plan: ImportPlan | null, rejected: RejectedRow[]): ImportCounts {
  const count = (items: { action: PlanAction }[]) => ({
    create: items.filter((i) => i.action === "create").length,
    update: items.filter((i) => i.action === "update").length,
    unchanged: items.filter((i) => i.action === "unchanged").length,
  });
  return {
    projects: count(plan?.projects ?? []),
    holders: count(plan?.holders ?? []),
    editions: plan?.editions.length ?? 0,
    themes: plan?.themes.length ?? 0,
    communes: plan?.communes.length ?? 0,
    rejected: rejected.length,
  };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;
const changeText = (changes: FieldChange[]) => changes.map((c) => `${c.field} ${c.before} → ${c.after}`).join(" ; ");

/** `Fichier suivi.csv (CSV, séparateur « ; », encodage UTF-8) : 12 lignes de données, en-tête ligne 1.` */
export function describeSource(fileName: string, parsed: ParsedSpreadsheet): string {
  const format =
    parsed.format === "xlsx"
      ? "classeur Excel"
      : `CSV, séparateur « ${parsed.separator === "\t" ? "tabulation" : parsed.separator} », encodage ${parsed.encoding}`;
  return `Fichier ${fileName} (${format}) : ${plural(parsed.rows.length, "ligne de données", "lignes de données")}, en-tête ligne ${parsed.headerLine}.`;
}

/** The report of a file refused for its header: what it lacks, and the header as read. */
export function describeMissingColumns(fileName: string, parsed: ParsedSpreadsheet, missing: string[]): string {
  return [
    describeSource(fileName, parsed),
    `Colonnes obligatoires absentes : ${missing.join(", ")}. Rien n'a été écrit.`,
    `En-tête lu ligne ${parsed.headerLine} : ${parsed.header.filter(Boolean).join(" | ") || "(vide)"}.`,
  ].join("\n");
}

/**
 * The French report of an import, dry run or applied: what is (or would be) created and
 * updated, per reference with the changed fields, and every refused row with its line
 * number and all its reasons.
 */
export function describeImport(input: {
  fileName: string;
  parsed: ParsedSpreadsheet;
  ignored: string[];
  duplicated: ImportField[];
  plan: ImportPlan | null;
  rejected: RejectedRow[];
  mode: ImportMode;
  skipInvalid: boolean;
}): string {
  const { plan, rejected, mode } = input;
  const counts = countPlan(plan, rejected);
  const will = mode === "applied";
  const lines = [describeSource(input.fileName, input.parsed)];
  if (input.ignored.length) lines.push(`Colonnes ignorées : ${input.ignored.join(", ")}.`);
  for (const field of input.duplicated)
    lines.push(`Colonne « ${fieldLabel(field)} » en double : seule la première est lue.`);
  lines.push(
    mode === "applied"
      ? "Import enregistré (une seule transaction)."
      : mode === "refused"
        ? `Rien n'a été écrit : ${plural(rejected.length, "ligne est refusée", "lignes sont refusées")}. Corrigez-les, ou relancez avec --skip-invalid pour importer les autres.`
        : "Simulation : rien n'a été écrit. Relancez avec --apply pour enregistrer.",
  );
  lines.push(
    "",
    `Projets : ${counts.projects.create} ${will ? "créés" : "à créer"}, ${counts.projects.update} ${will ? "mis à jour" : "à mettre à jour"}, ${counts.projects.unchanged} inchangés, ${counts.rejected} refusés.`,
    `Porteurs : ${counts.holders.create} ${will ? "créés" : "à créer"}, ${counts.holders.update} ${will ? "mis à jour" : "à mettre à jour"}, ${counts.holders.unchanged} inchangés.`,
  );
  if (plan?.editions.length) lines.push(`Éditions ${will ? "créées" : "à créer"} : ${plan.editions.join(", ")}.`);
  if (plan?.themes.length) {
    lines.push(
      `Thèmes ${will ? "créés" : "à créer"} : ${plan.themes.map((t) => `${t.name} (${t.editionYear})`).join(", ")}.`,
    );
  }
  if (plan?.communes.length) {
    lines.push(
      `Communes ${will ? "créées" : "à créer"} : ${plan.communes.map((c) => `${c.name} (${c.cantonName})`).join(", ")}.`,
    );
  }
  const created = plan?.projects.filter((p) => p.action === "create") ?? [];
  if (created.length) {
    lines.push("", will ? "Projets créés :" : "Projets à créer :");
    lines.push(...created.map((p) => `  ${p.reference} (ligne ${p.line}) : ${p.target.title}`));
  }
  const updated = plan?.projects.filter((p) => p.action === "update") ?? [];
  if (updated.length) {
    lines.push("", will ? "Projets mis à jour :" : "Projets à mettre à jour :");
    lines.push(...updated.map((p) => `  ${p.reference} (ligne ${p.line}) : ${changeText(p.changes)}`));
  }
  const holders = plan?.holders.filter((h) => h.action === "update") ?? [];
  if (holders.length) {
    lines.push("", will ? "Porteurs mis à jour :" : "Porteurs à mettre à jour :");
    lines.push(...holders.map((h) => `  ${h.email} (ligne ${h.line}) : ${changeText(h.changes)}`));
  }
  if (rejected.length) {
    lines.push("", `Lignes refusées${input.skipInvalid && mode === "applied" ? " (non importées)" : ""} :`);
    lines.push(
      ...rejected.map((r) => `  Ligne ${r.line}${r.reference ? ` (${r.reference})` : ""} : ${r.reasons.join(" ; ")}`),
    );
  }
  if (plan?.warnings.length) lines.push("", "Avertissements :", ...plan.warnings.map((w) => `  ${w}`));
  return lines.join("\n");
}
