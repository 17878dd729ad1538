import type { DbTx } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { SelectionLine } from "./selection-types.ts";

export interface WinningProjectContext {
  editionId: number;
  year: number;
  /** The project number to give (after the edition's existing projects). */
  number: number;
  actor: AuditActor;
  now: Date;
}

/**
 * Turns a winning idea into the project agents follow: its porteur (an existing `Holder`
 * with the same e-mail is reused), the project `<year>-<NNN>` at status « lauréat » with
 * the idea's cost as the amount awarded, its votes, youth flag, place and theme, and the
 * link from the idea. Throws `SELECTION_IDEA_WITHOUT_CANTON` (a project needs a canton).
 */
export async function createWinningProject(
  tx: DbTx,
  line: SelectionLine,
  context: WinningProjectContext,
): Promise<{ id: number; reference: string }> {
  const idea = await tx.idea.findUniqueOrThrow({
    where: { id: line.idea.ideaId },
    select: {
      reference: true,
      title: true,
      description: true,
      holderName: true,
      holderKind: true,
      contactEmail: true,
      contactPhone: true,
      communeId: true,
      themeId: true,
    },
  });
  if (line.idea.cantonId === null)
    throw new DomainError("SELECTION_IDEA_WITHOUT_CANTON", { reference: idea.reference });
  const holder =
    (await tx.holder.findFirst({
      where: { email: { equals: idea.contactEmail, mode: "insensitive" } },
      select: { id: true },
      orderBy: { id: "asc" },
    })) ??
    (await tx.holder.create({
      data: {
        kind: idea.holderKind ?? "COLLECTIVE",
        name: idea.holderName,
        email: idea.contactEmail,
        phone: idea.contactPhone,
      },
      select: { id: true },
    }));
  const data = {
    reference: `${context.year}-${String(context.number).padStart(3, "0")}`,
    editionId: context.editionId,
    number: context.number,
    title: idea.title,
    description: idea.description,
    themeId: idea.themeId,
    communeId: idea.communeId,
    cantonId: line.idea.cantonId,
    holderId: holder.id,
    isYouth: line.idea.isYouth,
    votes: line.idea.votes,
    awardedCents: line.idea.costCents,
    status: "WINNER" as const,
    announcedAt: context.now,
  };
  const project = await tx.project.create({ data, select: { id: true, reference: true } });
  await recordAudit(tx, {
    actor: context.actor,
    action: "project.create-from-idea",
    entity: "Project",
    entityId: project.id,
    before: null,
    after: { ...data, ideaReference: idea.reference },
    at: context.now,
  });
  return project;
}
