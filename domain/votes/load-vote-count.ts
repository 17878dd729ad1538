import type { DbTx } from "../../prisma/create-db.ts";
import type { CountEdition } from "./find-count-edition.ts";
import { listPollingPlaces } from "./list-polling-places.ts";
import { loadVoteTotals } from "./load-vote-totals.ts";
import type { PollingPlaceState } from "./polling-place-state.ts";

/** Votes summed over some ideas. */
export interface VoteSums {
  online: number;
  paper: number;
  total: number;
}

/** An idea in the ranking. */
export interface RankedIdea extends VoteSums {
  reference: string;
  title: string;
  canton: string | null;
  isYouth: boolean;
}

/** The running count of an edition, or of one canton of it. */
export interface VoteCount {
  editionYear: number;
  published: boolean;
  canton: string | null;
  overall: VoteSums;
  /** Polling places by state (of the canton, when one is asked). */
  places: Record<PollingPlaceState, number>;
  /** Per canton of the ideas (« sans canton » last); only the asked one for a canton. */
  cantons: (VoteSums & { canton: string | null; ideas: number })[];
  /** The ideas with the most votes, best first (ties by reference). */
  top: RankedIdea[];
}

const sum = (items: VoteSums[]): VoteSums =>
  items.reduce((a, b) => ({ online: a.online + b.online, paper: a.paper + b.paper, total: a.total + b.total }), {
    online: 0,
    paper: 0,
    total: 0,
  });

/**
 * The running count: online votes plus the paper votes of validated polling places only
 * (`loadVoteTotals`, the figure the selection uses too), overall, per canton of the
 * ideas, and the top ideas; with the places validated, waiting or in disagreement. With
 * `canton`, only that canton's ideas and places.
 */
export async function loadVoteCount(
  db: DbTx,
  edition: CountEdition,
  options: { canton?: { id: number; name: string }; top?: number } = {},
): Promise<VoteCount> {
  const [totals, ideas, places] = await Promise.all([
    loadVoteTotals(db, edition.id),
    db.idea.findMany({
      where: { editionId: edition.id, ...(options.canton ? { cantonId: options.canton.id } : {}) },
      select: { id: true, reference: true, title: true, isYouth: true, canton: { select: { name: true } } },
    }),
    listPollingPlaces(db, edition.id, options.canton?.id),
  ]);
  const byId = new Map(totals.map((t) => [t.ideaId, t]));
  const ranked: RankedIdea[] = ideas
    .map((idea) => {
      const t = byId.get(idea.id) ?? { online: 0, paper: 0, total: 0 };
      const { reference, title, isYouth } = idea;
      return { reference, title, isYouth, canton: idea.canton?.name ?? null, ...t };
    })
    .sort((a, b) => b.total - a.total || a.reference.localeCompare(b.reference));
  const cantonNames = [...new Set(ranked.map((r) => r.canton))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, "fr"),
  );
  const states: Record<PollingPlaceState, number> = { TO_ENTER: 0, WAITING: 0, DISAGREEMENT: 0, VALIDATED: 0 };
  for (const place of places) states[place.state] += 1;
  return {
    editionYear: edition.year,
    published: edition.publishedAt !== null,
    canton: options.canton?.name ?? null,
    overall: sum(ranked),
    places: states,
    cantons: cantonNames.map((canton) => {
      const of = ranked.filter((r) => r.canton === canton);
      return { canton, ideas: of.length, ...sum(of) };
    }),
    top: ranked.slice(0, options.top ?? 10),
  };
}
