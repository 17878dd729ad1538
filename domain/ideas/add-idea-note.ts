import type { Db } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";

/** Longest note kept: a note sums up an exchange, the e-mails themselves live in Outlook. */
export const MAX_NOTE_LENGTH = 2000;

/**
 * Writes a note on the support given to an idea's porteur (a call, a meeting, advice),
 * with its audit line, in one transaction. Throws `IDEA_NOT_FOUND`, `IDEA_NOTE_EMPTY`.
 */
export async function addIdeaNote(
  db: Db,
  input: { reference: string; text: string; actor: AuditActor; now: Date },
): Promise<{ noteId: number }> {
  const text = input.text.replace(/\r\n?/g, "\n").trim().slice(0, MAX_NOTE_LENGTH);
  if (!text) throw new DomainError("IDEA_NOTE_EMPTY");
  return db.$transaction(async (tx) => {
    const idea = await tx.idea.findUnique({ where: { reference: input.reference }, select: { id: true } });
    if (!idea) throw new DomainError("IDEA_NOT_FOUND", { reference: input.reference });
    const note = await tx.ideaNote.create({
      data: { ideaId: idea.id, authorId: input.actor.agentId, text, at: input.now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "idea.note",
      entity: "IdeaNote",
      entityId: note.id,
      before: null,
      after: { ideaId: idea.id, text },
      at: input.now,
    });
    return { noteId: note.id };
  });
}
