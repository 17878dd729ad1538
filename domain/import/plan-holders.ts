import type { HolderKind } from "../../prisma/generated/enums.ts";
import { holderKindLabels } from "../projects/holder-kind-labels.ts";
import type { ImportLookups } from "./load-import-lookups.ts";
import type { ImportRow } from "./normalize-row.ts";

export type PlanAction = "create" | "update" | "unchanged";

/** One field that changes, in the words an agent reads. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface HolderPlan {
  email: string;
  line: number;
  action: PlanAction;
  existingId: number | null;
  /** `phone` undefined: not given, kept. */
  target: { name: string; kind: HolderKind; phone: string | undefined };
  changes: FieldChange[];
}

/** A value as the report quotes it. */
export const shown = (value: string | null) => (value === null ? "(aucun)" : `« ${value} »`);

/** Porteurs by e-mail: the first row naming an e-mail gives its name, type and phone. */
export function planHolders(rows: ImportRow[], lookups: ImportLookups, warnings: string[]): HolderPlan[] {
  const plans = new Map<string, HolderPlan>();
  for (const row of rows) {
    const { email, name, kind, phone } = row.holder;
    const first = plans.get(email);
    if (first) {
      const differs = [
        name !== first.target.name ? `nom « ${name} »` : null,
        kind !== first.target.kind ? `type ${holderKindLabels[kind]}` : null,
      ].filter(Boolean);
      if (differs.length) {
        warnings.push(
          `Porteur ${email} : ligne ${row.line}, ${differs.join(", ")} diffère de la ligne ${first.line} ; la ligne ${first.line} est retenue.`,
        );
      }
      continue;
    }
    const existing = lookups.holderByEmail.get(email) ?? null;
    const changes: FieldChange[] = [];
    if (existing) {
      if (existing.name !== name) changes.push({ field: "nom", before: shown(existing.name), after: shown(name) });
      if (existing.kind !== kind) {
        changes.push({ field: "type", before: holderKindLabels[existing.kind], after: holderKindLabels[kind] });
      }
      if (phone !== null && existing.phone !== phone) {
        changes.push({ field: "téléphone", before: shown(existing.phone), after: shown(phone) });
      }
    }
    plans.set(email, {
      email,
      line: row.line,
      action: existing ? (changes.length ? "update" : "unchanged") : "create",
      existingId: existing?.id ?? null,
      target: { name, kind, phone: phone ?? undefined },
      changes,
    });
  }
  return [...plans.values()];
}
