import type { Db, DbTx } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { recordNotification } from "../notifications/record-notification.ts";
import { createWinningProject } from "./create-winning-project.ts";
import { findPublisher } from "./find-publisher.ts";
import { loadSelection } from "./load-selection.ts";
import { owePostedResults } from "./results-post.ts";
import { selectWinners } from "./select-winners.ts";
import { selectionFingerprint } from "./selection-fingerprint.ts";
import type { SelectionLine, SelectionTotals } from "./selection-types.ts";

export interface PublishInput {
  year?: number;
  actor: AuditActor;
  now: Date;
  /** The dry run's fingerprint the agent reviewed; when given, a different selection is refused. */
  fingerprint?: string;
}

export type PublishOutcome =
  | { status: "published"; year: number; projects: string[]; notificationIds: number[]; totals: SelectionTotals }
  | { status: "already"; year: number; publishedAt: Date; by: string | null };

const TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

/**
 * Publishes an edition's results in ONE transaction: runs the selection again, creates
 * each winner's porteur and project, writes rank, outcome and reason on every eligible
 * idea, stamps `Edition.publishedAt`, writes the outbox e-mail of every porteur (won or
 * not; idempotency keys per idea), owes the results card to the team channel, and audits
 * it all. The edition row is locked first, so two clicks at once publish once; publishing
 * again answers when and by whom it was done and writes nothing. Throws
 * `SELECTION_CHANGED`, `SELECTION_EMPTY`, `SELECTION_IDEA_WITHOUT_CANTON`, `EDITION_NOT_FOUND`.
 */
export async function publishResults(db: Db, input: PublishInput): Promise<PublishOutcome> {
  return db.$transaction(async (tx) => {
    const year = input.year ?? (await loadSelection(tx)).edition.year;
    await tx.$queryRaw`SELECT "id" FROM "Edition" WHERE "year" = ${year} FOR UPDATE`;
    const { edition, candidates } = await loadSelection(tx, year);
    if (edition.publishedAt) {
      return { status: "already", year, publishedAt: edition.publishedAt, by: await findPublisher(tx, edition.id) };
    }
    const selection = selectWinners(candidates, edition.rules);
    if (selection.totals.winners === 0) throw new DomainError("SELECTION_EMPTY", { year: String(year) });
    if (input.fingerprint !== undefined && input.fingerprint !== selectionFingerprint(selection)) {
      throw new DomainError("SELECTION_CHANGED", { year: String(year) });
    }
    const last = await tx.project.aggregate({ where: { editionId: edition.id }, _max: { number: true } });
    let number = last._max.number ?? 0;
    const projects: string[] = [];
    const notificationIds: number[] = [];
    const byRank = [...selection.lines].sort((a, b) => a.rank - b.rank);
    for (const line of byRank) {
      const context = { editionId: edition.id, year, actor: input.actor, now: input.now };
      const project = line.won ? await createWinningProject(tx, line, { ...context, number: ++number }) : null;
      if (project) projects.push(project.reference);
      const idea = await tx.idea.update({
        where: { id: line.idea.ideaId },
        data: { rank: line.rank, won: line.won, selectionReason: line.reason, projectId: project?.id ?? null },
        select: { holderName: true, contactEmail: true },
      });
      const id = await notifyPorteur(tx, line, { year, idea, project, winners: selection.totals.winners });
      if (id !== null) notificationIds.push(id);
    }
    await tx.edition.update({ where: { id: edition.id }, data: { publishedAt: input.now }, select: { id: true } });
    await owePostedResults(tx, year);
    const { cantons: _cantons, ...totals } = selection.totals;
    await recordAudit(tx, {
      actor: input.actor,
      action: "selection.publish",
      entity: "Edition",
      entityId: edition.id,
      before: { publishedAt: null },
      after: { publishedAt: input.now, ...totals, projects },
      at: input.now,
    });
    return { status: "published", year, projects, notificationIds, totals: selection.totals };
  }, TRANSACTION);
}

/** The outbox row of one porteur: `laureat-announced` for a winner, `idea-not-selected` otherwise. */
function notifyPorteur(
  tx: DbTx,
  line: SelectionLine,
  facts: {
    year: number;
    idea: { holderName: string; contactEmail: string };
    project: { id: number; reference: string } | null;
    winners: number;
  },
): Promise<number | null> {
  const { idea, project } = facts;
  const common = { recipientEmail: idea.contactEmail, recipientName: idea.holderName };
  if (project) {
    return recordNotification(tx, {
      ...common,
      template: "laureat-announced",
      projectId: project.id,
      payload: {
        holderName: idea.holderName,
        projectReference: project.reference,
        projectTitle: line.idea.title,
        editionYear: facts.year,
        awardedCents: line.idea.costCents,
      },
      idempotencyKey: `selection-won:${line.idea.reference}`,
    });
  }
  return recordNotification(tx, {
    ...common,
    template: "idea-not-selected",
    payload: {
      holderName: idea.holderName,
      ideaReference: line.idea.reference,
      ideaTitle: line.idea.title,
      editionYear: facts.year,
      votes: line.idea.votes,
      winners: facts.winners,
    },
    idempotencyKey: `selection-not-won:${line.idea.reference}`,
  });
}
