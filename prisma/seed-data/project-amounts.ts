import type { EditionFacts } from "./editions.ts";
import type { Idea } from "./ideas.ts";
import type { Rng } from "./prng.ts";
import type { Slot } from "./project-slots.ts";

/** Votes decrease with the number, from the first winner's score to the last one's. */
export function voteCurve(edition: EditionFacts, count: number, rng: Rng): number[] {
  const { first, last } = edition.votes;
  const votes: number[] = [];
  for (let i = 0; i < count; i++) {
    const ideal = first * (last / first) ** (i / Math.max(1, count - 1));
    const jittered = Math.round(ideal * (0.97 + rng.next() * 0.06));
    const previous = votes[i - 1];
    votes.push(previous === undefined ? first : Math.min(jittered, previous - 1 - rng.int(0, 4)));
  }
  return votes;
}

/** Amounts in cents for the slots, in order: within the rules, the edition spending 90 to 98 % of its envelope. */
export function drawAmounts(edition: EditionFacts, slots: Slot[], rng: Rng): number[] {
  const drafts = slots.map((slot) => draftAmount(slot, rng));
  return fitAmounts(edition, slots, drafts, 0.9 + rng.next() * 0.08);
}

interface Draft {
  /** Euros drawn in the idea's range, before the edition's envelope is applied. */
  base: number;
  /** The most this project may receive: the rule's cap (30 000 € youth, 50 000 € otherwise), often a bit
   * under it, and not far above the idea's usual cost. */
  ceiling: number;
}

function draftAmount(slot: Slot, rng: Rng): Draft {
  const [min, max] = (slot.idea as Idea).euros;
  const base = min + rng.next() * (max - min);
  const ruleCap = slot.youth ? 30_000 : 50_000;
  const underCap = rng.chance(0.35) ? 1 : 0.9 + rng.next() * 0.09;
  const ceiling = Math.min(ruleCap * underCap, max * (1.2 + rng.next() * 0.5));
  return { base, ceiling };
}

/**
 * Amounts in cents, whole tens of euros: the ordinary projects are scaled together so the
 * edition spends `target` of its envelope (never more than the envelope), each within its
 * ceiling; the exceptional ones keep their published amount.
 */
function fitAmounts(edition: EditionFacts, slots: Slot[], drafts: Draft[], target: number): number[] {
  const fixed = slots.reduce((sum, s) => sum + (s.exceptional ? s.exceptional.euros : 0), 0);
  const goal = (edition.budgetCents / 100) * target - fixed;
  const spend = (scale: number) =>
    slots.map((s, i) => {
      const draft = drafts[i] as Draft;
      return s.exceptional ? 0 : Math.min(draft.ceiling, draft.base * scale);
    });
  let low = 0.2;
  let high = 5;
  for (let step = 0; step < 40; step++) {
    const mid = (low + high) / 2;
    if (spend(mid).reduce((a, b) => a + b, 0) > goal) high = mid;
    else low = mid;
  }
  const scaled = spend(low);
  return slots.map((s, i) =>
    s.exceptional ? s.exceptional.euros * 100 : Math.floor((scaled[i] as number) / 10) * 1000,
  );
}
