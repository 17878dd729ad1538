import type { DbTx } from "../../prisma/create-db.ts";
import { type PollingPlaceState, pollingPlaceState } from "./polling-place-state.ts";
import { tallyDifferences } from "./tally-differences.ts";

/** An idea's line in a place's view. */
export interface PlaceIdeaLine {
  reference: string;
  title: string;
}

/** A polling place as its card shows it. */
export interface PollingPlaceView {
  id: number;
  name: string;
  commune: string | null;
  canton: string | null;
  editionYear: number;
  published: boolean;
  state: PollingPlaceState;
  acceptedAt: Date | null;
  /** Who entered it and when, oldest first (their figures stay hidden while one waits for a second). */
  entries: { agentName: string; enteredAt: Date; votes: number }[];
  /** In disagreement: each idea on which entries differ, with every entry's votes (same order as `entries`). */
  differences: (PlaceIdeaLine & { votes: number[] })[];
  /** Once validated: the accepted figures, most votes first. */
  accepted: (PlaceIdeaLine & { votes: number })[];
}

/**
 * A polling place with its entries and, depending on its state, the differences between
 * entries (shown line by line, never averaged) or the accepted figures. A single entry's
 * figures are not shown, so the second agent enters the ballots without a model to copy.
 */
export async function getPollingPlace(db: DbTx, placeId: number): Promise<PollingPlaceView> {
  const place = await db.pollingPlace.findUniqueOrThrow({
    where: { id: placeId },
    select: {
      id: true,
      name: true,
      acceptedEntryId: true,
      acceptedAt: true,
      commune: { select: { name: true } },
      canton: { select: { name: true } },
      edition: { select: { year: true, publishedAt: true } },
      entries: {
        orderBy: { enteredAt: "asc" },
        select: {
          id: true,
          enteredAt: true,
          agent: { select: { name: true } },
          lines: { select: { votes: true, idea: { select: { id: true, reference: true, title: true } } } },
        },
      },
    },
  });
  const state = pollingPlaceState({ acceptedEntryId: place.acceptedEntryId, entryCount: place.entries.length });
  const ideas = new Map(place.entries.flatMap((e) => e.lines.map((l) => [l.idea.id, l.idea] as const)));
  const maps = place.entries.map((e) => new Map(e.lines.map((l) => [l.idea.id, l.votes])));
  const line = (ideaId: number): PlaceIdeaLine => {
    const idea = ideas.get(ideaId);
    return { reference: idea?.reference ?? "?", title: idea?.title ?? "" };
  };
  const accepted = place.entries.find((e) => e.id === place.acceptedEntryId);
  return {
    id: place.id,
    name: place.name,
    commune: place.commune?.name ?? null,
    canton: place.canton?.name ?? null,
    editionYear: place.edition.year,
    published: place.edition.publishedAt !== null,
    state,
    acceptedAt: place.acceptedAt,
    entries: place.entries.map((e) => ({
      agentName: e.agent.name,
      enteredAt: e.enteredAt,
      votes: e.lines.reduce((sum, l) => sum + l.votes, 0),
    })),
    differences:
      state === "DISAGREEMENT" ? tallyDifferences(maps).map((d) => ({ ...line(d.ideaId), votes: d.votes })) : [],
    accepted: (accepted?.lines ?? [])
      .filter((l) => l.votes > 0)
      .map((l) => ({ reference: l.idea.reference, title: l.idea.title, votes: l.votes }))
      .sort((a, b) => b.votes - a.votes || a.reference.localeCompare(b.reference)),
  };
}
