import type { Db } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { editionNotFound } from "../reports/edition-not-found.ts";
import type { EditionRules, RuleChanges } from "./parse-rule-changes.ts";

const RULE_FIELDS = {
  budgetCents: true,
  youthShareBp: true,
  ideaCapCents: true,
  youthIdeaCapCents: true,
  exceptionalSlots: true,
  exceptionalCapCents: true,
  winnersPerCanton: true,
  youthWinnersPerCanton: true,
} as const;

/** The rules of an edition, or null when there is no such edition. */
export async function loadEditionRules(db: Db, year: number): Promise<(EditionRules & { year: number }) | null> {
  return db.edition.findUnique({ where: { year }, select: { year: true, ...RULE_FIELDS } });
}

/**
 * Changes an edition's selection rules (admins, before publication: the published
 * winners were chosen under the rules in force). The edition row is locked so a
 * publication cannot run between the check and the change; before/after go to the audit log.
 */
export async function setEditionRules(
  db: Db,
  input: { year: number; changes: RuleChanges; actor: AuditActor; now: Date },
): Promise<{ before: EditionRules; after: EditionRules }> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number; publishedAt: Date | null }[]>`
      SELECT "id", "publishedAt" FROM "Edition" WHERE "year" = ${input.year} FOR UPDATE`;
    if (!locked) throw await editionNotFound(tx, String(input.year));
    if (locked.publishedAt) throw new DomainError("SELECTION_RULES_PUBLISHED", { year: String(input.year) });
    const before = await tx.edition.findUniqueOrThrow({ where: { id: locked.id }, select: RULE_FIELDS });
    const merged = { ...before, ...input.changes };
    if (merged.youthIdeaCapCents > merged.budgetCents || merged.ideaCapCents > merged.budgetCents) {
      throw new DomainError("SELECTION_RULES_INCONSISTENT", { problem: "un plafond dépasse l'enveloppe" });
    }
    if (merged.exceptionalSlots > 0 && (merged.exceptionalCapCents ?? 0) <= merged.ideaCapCents) {
      throw new DomainError("SELECTION_RULES_INCONSISTENT", {
        problem: "le plafond des projets exceptionnels doit dépasser le plafond d'une idée",
      });
    }
    const after = await tx.edition.update({ where: { id: locked.id }, data: input.changes, select: RULE_FIELDS });
    await recordAudit(tx, {
      actor: input.actor,
      action: "edition.rules",
      entity: "Edition",
      entityId: locked.id,
      before,
      after,
      at: input.now,
    });
    return { before, after };
  });
}
