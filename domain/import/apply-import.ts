import type { Db, DbTx } from "../../prisma/create-db.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { labelKey } from "./label-key.ts";
import type { ImportRow } from "./normalize-row.ts";
import { type ImportPlan, planImport } from "./plan-import.ts";

/** A new edition's name and envelope until an agent corrects them (1.5 M€ as every edition so far). */
const editionDefaults = (year: number) => ({
  name: `Budget participatif citoyen des Landes ${year}`,
  budgetCents: 150_000_000,
});

/** Long enough for a file of several thousand rows on a busy machine. */
const TRANSACTION_TIMEOUT_MS = 300_000;

/**
 * Writes an import in ONE transaction: everything or nothing. The plan is computed again
 * inside the transaction (what the dry run showed may have changed since), then missing
 * editions, themes, communes and porteurs are created, porteurs and projects updated,
 * and every write gets its AuditLog line (before/after, actor « import <file> »).
 * Returns the plan that was applied.
 */
export async function applyImport(
  db: Db,
  rows: ImportRow[],
  { actorLabel, now }: { actorLabel: string; now: Date },
): Promise<ImportPlan> {
  return db.$transaction(
    async (tx) => {
      const plan = await planImport(tx, rows);
      await writePlan(tx, plan, actorLabel, now);
      return plan;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

async function writePlan(tx: DbTx, plan: ImportPlan, actorLabel: string, now: Date): Promise<void> {
  const audit = (
    action: "import.create" | "import.update",
    entity: string,
    entityId: number,
    before: unknown,
    after: unknown,
  ) =>
    recordAudit(tx, { actor: { agentId: null, name: actorLabel }, action, entity, entityId, before, after, at: now });
  const { lookups } = plan;

  const editionIds = new Map(lookups.editionIdByYear);
  for (const year of plan.editions) {
    const data = { year, ...editionDefaults(year) };
    const { id } = await tx.edition.create({ data, select: { id: true } });
    editionIds.set(year, id);
    await audit("import.create", "Edition", id, null, data);
  }
  const themeIds = new Map([...lookups.themeByKey].map(([key, theme]) => [key, theme.id]));
  for (const theme of plan.themes) {
    const data = { editionId: idOf(editionIds, theme.editionYear), name: theme.name };
    const { id } = await tx.theme.create({ data, select: { id: true } });
    themeIds.set(`${theme.editionYear}|${labelKey(theme.name)}`, id);
    await audit("import.create", "Theme", id, null, data);
  }
  const communeIds = new Map([...lookups.communeByKey].map(([key, commune]) => [key, commune.id]));
  for (const commune of plan.communes) {
    const data = { name: commune.name, cantonId: commune.cantonId };
    const { id } = await tx.commune.create({ data, select: { id: true } });
    communeIds.set(`${commune.cantonId}|${labelKey(commune.name)}`, id);
    await audit("import.create", "Commune", id, null, data);
  }
  const holderIds = await writeHolders(tx, plan, audit);

  for (const project of plan.projects) {
    if (project.action === "unchanged") continue;
    const { target } = project;
    const existing = project.existingId === null ? null : (lookups.projectByReference.get(project.reference) ?? null);
    const columns = {
      title: target.title,
      themeId:
        target.themeKey === null
          ? null
          : existing?.themeKey === target.themeKey
            ? existing.themeId
            : idOf(themeIds, target.themeKey),
      communeId:
        target.communeKey === null
          ? null
          : existing?.communeKey === target.communeKey
            ? existing.communeId
            : idOf(communeIds, target.communeKey),
      cantonId: target.cantonId,
      holderId: existing?.holderEmail === target.holderEmail ? existing.holderId : idOf(holderIds, target.holderEmail),
      isYouth: target.isYouth,
      votes: target.votes,
      awardedCents: target.awardedCents,
      status: target.status,
    };
    if (!existing) {
      const data = {
        reference: project.reference,
        editionId: idOf(editionIds, project.editionYear),
        number: project.number,
        ...columns,
      };
      const { id } = await tx.project.create({ data, select: { id: true } });
      await audit("import.create", "Project", id, null, data);
      continue;
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(columns)) {
      const old = existing[key as keyof typeof columns];
      if (old !== value) {
        before[key] = old;
        after[key] = value;
      }
    }
    if (Object.keys(after).length === 0) continue;
    await tx.project.update({ where: { id: existing.id }, data: after, select: { id: true } });
    await audit("import.update", "Project", existing.id, before, after);
  }
}

type Audit = (
  action: "import.create" | "import.update",
  entity: string,
  entityId: number,
  before: unknown,
  after: unknown,
) => Promise<void>;

/** Creates and updates the porteurs; returns every porteur id of the file by e-mail. */
async function writeHolders(tx: DbTx, plan: ImportPlan, audit: Audit): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const holder of plan.holders) {
    const { name, kind, phone } = holder.target;
    const existing = plan.lookups.holderByEmail.get(holder.email);
    if (!existing) {
      const data = { email: holder.email, name, kind, phone: phone ?? null };
      const { id } = await tx.holder.create({ data, select: { id: true } });
      ids.set(holder.email, id);
      await audit("import.create", "Holder", id, null, data);
      continue;
    }
    ids.set(holder.email, existing.id);
    if (holder.action !== "update") continue;
    const next = { name, kind, phone: phone ?? existing.phone };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ["name", "kind", "phone"] as const) {
      if (existing[key] !== next[key]) {
        before[key] = existing[key];
        after[key] = next[key];
      }
    }
    await tx.holder.update({ where: { id: existing.id }, data: after, select: { id: true } });
    await audit("import.update", "Holder", existing.id, before, after);
  }
  return ids;
}

function idOf<K>(ids: Map<K, number>, key: K): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`import: no id for ${String(key)}`);
  return id;
}
