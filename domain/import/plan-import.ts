import type { DbTx } from "../../prisma/create-db.ts";
import type { ProjectStatus } from "../../prisma/generated/enums.ts";
import { formatEuros } from "../money/format-euros.ts";
import { projectStatusLabels } from "../projects/status-labels.ts";
import { labelKey } from "./label-key.ts";
import { type ImportLookups, loadImportLookups } from "./load-import-lookups.ts";
import type { ImportRow } from "./normalize-row.ts";
import { type FieldChange, type HolderPlan, type PlanAction, planHolders, shown } from "./plan-holders.ts";

export type { FieldChange, HolderPlan, PlanAction };

/** What a project must look like after the import; theme and commune by canonical name and key. */
export interface ProjectTarget {
  title: string;
  theme: string | null;
  /** `year|labelKey(name)`, as in `ImportLookups.themeByKey`. */
  themeKey: string | null;
  commune: string | null;
  /** `cantonId|labelKey(name)`, as in `ImportLookups.communeByKey`. */
  communeKey: string | null;
  cantonId: number;
  cantonName: string;
  holderEmail: string;
  isYouth: boolean;
  votes: number;
  awardedCents: number;
  status: ProjectStatus;
}

export interface ProjectPlan {
  line: number;
  reference: string;
  editionYear: number;
  number: number;
  action: PlanAction;
  existingId: number | null;
  target: ProjectTarget;
  changes: FieldChange[];
}

/** Everything the import would write, computed before writing anything. */
export interface ImportPlan {
  editions: number[];
  themes: { editionYear: number; name: string }[];
  communes: { name: string; cantonId: number; cantonName: string }[];
  holders: HolderPlan[];
  projects: ProjectPlan[];
  /** Same porteur e-mail with another name or type further down, and the like. */
  warnings: string[];
  lookups: ImportLookups;
}

const yesNo = (value: boolean) => (value ? "oui" : "non");

/**
 * Compares the rows with what PostgreSQL holds (five queries for the whole file) and
 * says what would be created, updated or left as is: editions, themes and communes
 * missing, porteurs by e-mail, projects by reference. Writes nothing: the dry run shows
 * it, and `applyImport` runs it again inside its transaction before writing.
 */
export async function planImport(db: DbTx, rows: ImportRow[]): Promise<ImportPlan> {
  const lookups = await loadImportLookups(db, rows);
  const plan: ImportPlan = { editions: [], themes: [], communes: [], holders: [], projects: [], warnings: [], lookups };
  const themeNames = new Map<string, string>();
  const communeNames = new Map<string, string>();
  for (const row of rows) {
    if (!lookups.editionIdByYear.has(row.editionYear) && !plan.editions.includes(row.editionYear)) {
      plan.editions.push(row.editionYear);
    }
    if (row.theme) {
      const key = `${row.editionYear}|${labelKey(row.theme)}`;
      if (!lookups.themeByKey.has(key) && !themeNames.has(key)) {
        themeNames.set(key, row.theme);
        plan.themes.push({ editionYear: row.editionYear, name: row.theme });
      }
    }
    if (row.commune) {
      const key = `${row.canton.id}|${labelKey(row.commune)}`;
      if (!lookups.communeByKey.has(key) && !communeNames.has(key)) {
        communeNames.set(key, row.commune);
        plan.communes.push({ name: row.commune, cantonId: row.canton.id, cantonName: row.canton.name });
      }
    }
  }
  plan.holders = planHolders(rows, lookups, plan.warnings);
  const canonical = (names: Map<string, string>, found: Map<string, { name: string }>, key: string, name: string) =>
    found.get(key)?.name ?? names.get(key) ?? name;
  for (const row of rows) {
    const existing = lookups.projectByReference.get(row.reference) ?? null;
    const themeKey = row.theme ? `${row.editionYear}|${labelKey(row.theme)}` : (existing?.themeKey ?? null);
    const communeKey = row.commune ? `${row.canton.id}|${labelKey(row.commune)}` : (existing?.communeKey ?? null);
    const target: ProjectTarget = {
      title: row.title,
      theme:
        row.theme && themeKey
          ? canonical(themeNames, lookups.themeByKey, themeKey, row.theme)
          : (existing?.themeName ?? null),
      themeKey,
      commune:
        row.commune && communeKey
          ? canonical(communeNames, lookups.communeByKey, communeKey, row.commune)
          : (existing?.communeName ?? null),
      communeKey,
      cantonId: row.canton.id,
      cantonName: row.canton.name,
      holderEmail: row.holder.email,
      isYouth: row.isYouth ?? existing?.isYouth ?? false,
      votes: row.votes ?? existing?.votes ?? 0,
      awardedCents: row.awardedCents,
      status: row.status ?? existing?.status ?? "WINNER",
    };
    const changes: FieldChange[] = [];
    if (existing) {
      const change = (field: string, before: string, after: string, same = before === after) => {
        if (!same) changes.push({ field, before, after });
      };
      change("titre", shown(existing.title), shown(target.title));
      change("thème", shown(existing.themeName), shown(target.theme), existing.themeKey === themeKey);
      change("commune", shown(existing.communeName), shown(target.commune), existing.communeKey === communeKey);
      change("canton", existing.cantonName, target.cantonName, existing.cantonId === target.cantonId);
      change("porteur", existing.holderEmail, target.holderEmail);
      change("projet jeune", yesNo(existing.isYouth), yesNo(target.isYouth));
      change("votes", String(existing.votes), String(target.votes));
      change("montant attribué", formatEuros(existing.awardedCents), formatEuros(target.awardedCents));
      change("statut", projectStatusLabels[existing.status], projectStatusLabels[target.status]);
    }
    plan.projects.push({
      line: row.line,
      reference: row.reference,
      editionYear: row.editionYear,
      number: row.number,
      action: existing ? (changes.length ? "update" : "unchanged") : "create",
      existingId: existing?.id ?? null,
      target,
      changes,
    });
  }
  return plan;
}
