import type { HolderKind, ProjectStatus } from "../generated/enums.ts";
import { followerOf } from "./agents.ts";
import { buildHolder, type HolderRegistry, type HolderSeed } from "./build-holder.ts";
import type { CantonSeed, CommuneSeed } from "./build-territory.ts";
import type { EditionFacts } from "./editions.ts";
import type { Idea } from "./ideas.ts";
import type { EmailBook } from "./people.ts";
import { createRng, type Rng, seedOf } from "./prng.ts";
import { drawAmounts, voteCurve } from "./project-amounts.ts";
import { PINNED, type Pinned, planSlots } from "./project-slots.ts";

export interface ProjectSeed {
  reference: string;
  year: number;
  number: number;
  title: string;
  description: string;
  themeName: string;
  canton: CantonSeed;
  commune: CommuneSeed;
  idea: Idea;
  isYouth: boolean;
  exceptional: boolean;
  votes: number;
  awardedCents: number;
  /** Convention amount fixed by the public record (the 2021 pumptrack), if any. */
  agreementCents: number | null;
  holder: HolderSeed;
  status: ProjectStatus;
  /** Rank of this project among the edition's projects of the same status (0, 1, ...). */
  variant: number;
  followerAad: string | null;
}

/** How many projects of each edition are at each stage of the follow-up. */
const STATUS_PLAN: Readonly<Record<number, readonly [ProjectStatus, number][]>> = {
  2019: [
    ["CLOSED", 24],
    ["REPORT_RECEIVED", 6],
    ["ABANDONED", 3],
  ],
  2021: [
    ["REPORT_RECEIVED", 4],
    ["PAID_IN_FULL", 13],
    ["INAUGURATED", 13],
    ["COMPLETED", 12],
    ["IN_PROGRESS", 10],
    ["ABANDONED", 2],
  ],
  2022: [
    ["WINNER", 5],
    ["AGREEMENT_PENDING", 10],
    ["AGREEMENT_SIGNED", 11],
    ["IN_PROGRESS", 13],
    ["COMPLETED", 4],
    ["INAUGURATED", 2],
  ],
  2024: [
    ["WINNER", 14],
    ["AGREEMENT_PENDING", 20],
    ["AGREEMENT_SIGNED", 12],
    ["IN_PROGRESS", 4],
  ],
};

/**
 * The winning projects of an edition: spread over the 15 cantons by the edition's canton
 * rule, youth projects where the rule asks for them, themes varied, numbers ordered by
 * votes (number 1 had the most), amounts within the rules and the 1.5 M€ envelope.
 */
export function buildProjects(
  edition: EditionFacts,
  territory: CantonSeed[],
  people: { emails: EmailBook; holders: HolderRegistry },
): ProjectSeed[] {
  const rng = createRng(seedOf(`projects-${edition.year}`));
  const pinned = PINNED.filter((p) => p.year === edition.year);
  const slots = planSlots(edition, territory, pinned, rng);
  const ordered = rng.shuffle(slots);
  const statuses = statusList(edition.year, rng);
  for (const pin of pinned) {
    swap(
      ordered,
      ordered.findIndex((slot) => slot.pinned === pin),
      pin.number - 1,
    );
    swap(
      statuses,
      statuses.findIndex((status, i) => status === pin.status && !isPinned(pinned, i)),
      pin.number - 1,
    );
  }
  const votes = voteCurve(edition, ordered.length, rng);
  const amounts = drawAmounts(edition, ordered, rng);
  const seen = new Map<ProjectStatus, number>();
  return ordered.map((slot, index) => {
    const idea = slot.idea as Idea;
    const commune = slot.commune as CommuneSeed;
    const status = statuses[index] as ProjectStatus;
    const variant = seen.get(status) ?? 0;
    seen.set(status, variant + 1);
    const number = index + 1;
    return {
      reference: `${edition.year}-${String(number).padStart(3, "0")}`,
      year: edition.year,
      number,
      title: idea.title(commune.name),
      description: idea.description(commune.name),
      themeName: edition.themes[idea.family],
      canton: slot.canton,
      commune,
      idea,
      isYouth: slot.youth,
      exceptional: Boolean(slot.exceptional),
      votes: votes[index] as number,
      awardedCents: amounts[index] as number,
      agreementCents: slot.exceptional?.agreementEuros ? slot.exceptional.agreementEuros * 100 : null,
      holder: people.holders.resolve(
        buildHolder(rng, people.emails, {
          kind: slot.pinned?.holderKind ?? slot.exceptional?.holder ?? holderKind(idea, slot.youth, rng),
          idea,
          commune: commune.name,
          postcode: commune.postcode,
          consentFrom: edition.followUpStart,
          youth: slot.youth,
          ...(slot.pinned ? { name: slot.pinned.holderName } : {}),
        }),
      ),
      status,
      variant,
      followerAad: edition.year >= 2021 ? (followerOf(slot.canton.slug)?.aadObjectId ?? null) : null,
    };
  });
}

function swap<T>(items: T[], from: number, to: number): void {
  if (from < 0 || to >= items.length) throw new Error(`placement impossible (${from} → ${to})`);
  [items[from], items[to]] = [items[to] as T, items[from] as T];
}

const isPinned = (pinned: readonly Pinned[], index: number): boolean => pinned.some((p) => p.number - 1 === index);

function statusList(year: number, rng: Rng): ProjectStatus[] {
  const plan = STATUS_PLAN[year] ?? [];
  return rng.shuffle(plan.flatMap(([status, count]) => Array<ProjectStatus>(count).fill(status)));
}

function holderKind(idea: Idea, youth: boolean, rng: Rng): HolderKind {
  // A young porteur is a minor: youth projects are carried by a group or the commune.
  const allowed = idea.holders.filter((kind) => !youth || kind !== "PERSON");
  return allowed.length > 0 ? rng.pick(allowed) : "COLLECTIVE";
}
