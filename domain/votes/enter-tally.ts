import type { Db, DbTx } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { TypedTallyLine } from "./parse-tally-lines.ts";
import { sameTally } from "./tally-differences.ts";

export interface EnterTallyInput {
  placeId: number;
  lines: readonly TypedTallyLine[];
  /** Problems already found while reading the text (`parseTallyLines`): refused with the others. */
  problems?: readonly string[];
  actor: AuditActor;
  now: Date;
}

/** What an entry did: wait for a second agent, validate the place, or disagree with the other entries. */
export interface TallyOutcome {
  status: "WAITING" | "VALIDATED" | "DISAGREEMENT";
  /** The agent had already entered this place: their entry was replaced. */
  replaced: boolean;
  /** Whose entry agreed, when validated. */
  agreedWith: string | null;
}

/**
 * Records an agent's paper tally of a polling place, under the double-entry rule: each
 * agent has one entry per place (entering again replaces it); when two entries by two
 * different agents are identical (a missing line counts as 0) the place is validated in
 * the same transaction; when they differ nothing is validated and the place's card shows
 * the differences. The place row is locked first (`FOR UPDATE`), so two agents entering
 * at the same moment are serialised: the second sees the first's entry and the place is
 * validated once, never missed, never twice. The edition row is share-locked with it: a
 * publication (which locks it for update) waits for the entry, or the entry for the
 * publication and is then refused, so no tally slips in after the results are counted.
 * Every line is checked before anything is written (ideas of the place's edition, each
 * once). Throws `TALLY_AGENT_REQUIRED`, `TALLY_INVALID`, `TALLY_PLACE_VALIDATED`,
 * `TALLY_EDITION_PUBLISHED`.
 */
export async function enterTally(db: Db, input: EnterTallyInput): Promise<TallyOutcome> {
  const agentId = input.actor.agentId;
  if (agentId === null) throw new DomainError("TALLY_AGENT_REQUIRED");
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`
      SELECT p."id" FROM "PollingPlace" p JOIN "Edition" e ON e."id" = p."editionId"
      WHERE p."id" = ${input.placeId} FOR UPDATE OF p FOR SHARE OF e`;
    if (!locked) throw new Error(`polling place ${input.placeId} not found`);
    const place = await tx.pollingPlace.findUniqueOrThrow({
      where: { id: input.placeId },
      select: { id: true, name: true, editionId: true, acceptedEntryId: true, edition: true },
    });
    if (place.edition.publishedAt) throw new DomainError("TALLY_EDITION_PUBLISHED", { edition: place.edition.year });
    if (place.acceptedEntryId !== null) throw new DomainError("TALLY_PLACE_VALIDATED", { place: place.name });
    const votes = await checkedVotes(tx, place, input);
    const previous = await tx.tallyEntry.findUnique({
      where: { pollingPlaceId_agentId: { pollingPlaceId: place.id, agentId } },
      select: { id: true, lines: { select: { ideaId: true, votes: true } } },
    });
    if (previous) await tx.tallyEntry.delete({ where: { id: previous.id }, select: { id: true } });
    const lines = [...votes].map(([ideaId, count]) => ({ ideaId, votes: count }));
    const entry = await tx.tallyEntry.create({
      data: { pollingPlaceId: place.id, agentId, enteredAt: input.now, lines: { create: lines } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "tally.enter",
      entity: "PollingPlace",
      entityId: place.id,
      before: previous ? { entryId: previous.id, lines: previous.lines } : null,
      after: { entryId: entry.id, lines },
      at: input.now,
    });
    const others = await tx.tallyEntry.findMany({
      where: { pollingPlaceId: place.id, agentId: { not: agentId } },
      select: { id: true, agent: { select: { name: true } }, lines: { select: { ideaId: true, votes: true } } },
      orderBy: { enteredAt: "asc" },
    });
    const match = others.find((other) => sameTally(votes, new Map(other.lines.map((l) => [l.ideaId, l.votes]))));
    const replaced = previous !== null;
    if (!match) return { status: others.length > 0 ? "DISAGREEMENT" : "WAITING", replaced, agreedWith: null };
    await tx.pollingPlace.update({
      where: { id: place.id },
      data: { acceptedEntryId: entry.id, acceptedAt: input.now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "polling-place.validate",
      entity: "PollingPlace",
      entityId: place.id,
      before: { acceptedEntryId: null },
      after: { acceptedEntryId: entry.id, agreeingEntryId: match.id, agreedWith: match.agent.name },
      at: input.now,
    });
    return { status: "VALIDATED", replaced, agreedWith: match.agent.name };
  });
}

/**
 * The typed lines as votes per idea id, or `TALLY_INVALID` listing every problem: a
 * reference unknown or of another edition, an idea on two lines, an empty tally.
 */
async function checkedVotes(
  tx: DbTx,
  place: { name: string; editionId: number; edition: { year: number } },
  input: EnterTallyInput,
): Promise<Map<number, number>> {
  const problems = [...(input.problems ?? [])];
  const ideas = await tx.idea.findMany({
    where: { reference: { in: input.lines.map((l) => l.reference) } },
    select: { id: true, reference: true, editionId: true, edition: { select: { year: true } } },
  });
  const byReference = new Map(ideas.map((idea) => [idea.reference, idea]));
  const votes = new Map<number, number>();
  const firstLine = new Map<string, number>();
  for (const line of input.lines) {
    const idea = byReference.get(line.reference);
    const seen = firstLine.get(line.reference);
    if (!idea) problems.push(`ligne ${line.line} : aucune idée ${line.reference} n'est enregistrée`);
    else if (idea.editionId !== place.editionId)
      problems.push(
        `ligne ${line.line} : l'idée ${line.reference} est de l'édition ${idea.edition.year}, pas de ${place.edition.year}`,
      );
    else if (seen !== undefined)
      problems.push(`ligne ${line.line} : l'idée ${line.reference} est déjà saisie ligne ${seen}`);
    else votes.set(idea.id, line.votes);
    if (seen === undefined) firstLine.set(line.reference, line.line);
  }
  if (problems.length === 0 && input.lines.length === 0)
    problems.push("aucune ligne de résultats : une ligne par idée, sa référence puis ses voix (I2024-0123 125)");
  if (problems.length > 0) {
    throw new DomainError("TALLY_INVALID", { place: place.name, problems: problems.map((p) => `- ${p}`).join("\n") });
  }
  return votes;
}
