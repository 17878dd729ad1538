import type { HolderKind, ProjectStatus } from "../generated/enums.ts";
import type { CantonSeed, CommuneSeed } from "./build-territory.ts";
import type { EditionFacts } from "./editions.ts";
import { EXCEPTIONAL, type ExceptionalIdea, IDEAS, type Idea, ideaByKey } from "./ideas.ts";
import type { Rng } from "./prng.ts";

/** A project whose facts tests rely on. */
export interface Pinned {
  year: number;
  number: number;
  cantonSlug: string;
  commune: string;
  idea: string;
  holderKind: HolderKind;
  holderName: string;
  status: ProjectStatus;
}

export const PINNED: readonly Pinned[] = [
  {
    year: 2022,
    number: 17,
    cantonSlug: "adour-armagnac",
    commune: "Grenade-sur-l'Adour",
    idea: "skatepark",
    holderKind: "ASSOCIATION",
    holderName: "Association Grenade Glisse",
    status: "IN_PROGRESS",
  },
];

/** One winning project being placed: its canton, whether it is a youth project, then its commune and idea. */
export interface Slot {
  canton: CantonSeed;
  youth: boolean;
  exceptional?: ExceptionalIdea;
  pinned?: Pinned;
  commune?: CommuneSeed;
  idea?: Idea;
}

/**
 * The slots of an edition: cantons by the edition's rule, youth and exceptional projects,
 * then a commune and an idea for each, every theme of the edition covered.
 */
export function planSlots(edition: EditionFacts, territory: CantonSeed[], pinned: readonly Pinned[], rng: Rng): Slot[] {
  const slots = cantonSlots(edition, territory, pinned, rng);
  markExceptional(slots, EXCEPTIONAL[edition.year] ?? [], rng);
  assignPlaces(slots, rng);
  coverThemes(slots, edition);
  return slots;
}

/** One slot per winner: `perCanton` in each canton, the rest spread; youth slots first in their canton. */
function cantonSlots(edition: EditionFacts, territory: CantonSeed[], pinned: readonly Pinned[], rng: Rng): Slot[] {
  const counts = new Map(territory.map((canton) => [canton.slug, edition.perCanton]));
  const extraOrder = rng.shuffle(territory);
  for (let k = 0; k < edition.winners - territory.length * edition.perCanton; k++) {
    const slug = (extraOrder[k % extraOrder.length] as CantonSeed).slug;
    counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  const youth = new Map(territory.map((canton) => [canton.slug, 0]));
  const required = pinned.map((p) => p.cantonSlug);
  const youthOrder = [
    ...required,
    ...rng.shuffle(territory.map((c) => c.slug)).filter((slug) => !required.includes(slug)),
  ];
  for (let k = 0; k < edition.youthWinners; k++) {
    // First round: one youth project per canton; then cantons with room for a third project.
    const round = Math.floor(k / youthOrder.length);
    const candidates = round === 0 ? youthOrder : youthOrder.filter((s) => (counts.get(s) ?? 0) > 2);
    const slug = candidates[(k - round * youthOrder.length) % candidates.length] as string;
    youth.set(slug, (youth.get(slug) ?? 0) + 1);
  }
  return territory.flatMap((canton) => {
    const pinnedHere = pinned.filter((p) => p.cantonSlug === canton.slug);
    return Array.from({ length: counts.get(canton.slug) ?? 0 }, (_, j): Slot => {
      const slot: Slot = { canton, youth: j < (youth.get(canton.slug) ?? 0) };
      const pin = j === 0 ? pinnedHere[0] : undefined;
      return pin ? { ...slot, pinned: pin } : slot;
    });
  });
}

function markExceptional(slots: Slot[], exceptional: readonly ExceptionalIdea[], rng: Rng): void {
  const usedCantons = new Set<string>();
  for (const ex of exceptional) {
    const candidates = slots.filter(
      (s) => s.youth === ex.youth && !s.exceptional && !s.pinned && !usedCantons.has(s.canton.slug),
    );
    const slot = rng.pick(candidates);
    slot.exceptional = ex;
    usedCantons.add(slot.canton.slug);
  }
}

/** Communes rotate inside each canton; ideas rotate through the catalogue, never twice in a commune. */
function assignPlaces(slots: Slot[], rng: Rng): void {
  const pools = {
    youth: rng.shuffle(IDEAS.filter((i) => i.audience !== "adult")),
    adult: rng.shuffle(IDEAS.filter((i) => i.audience !== "youth")),
  };
  const cursor = { youth: 0, adult: 0 };
  const used = new Set<string>();
  for (const slot of slots.filter((s) => s.pinned)) {
    const pin = slot.pinned as Pinned;
    slot.commune = slot.canton.communes.find((c) => c.name === pin.commune);
    if (!slot.commune) throw new Error(`commune inconnue dans le canton : ${pin.commune}`);
    slot.idea = ideaByKey(pin.idea);
    used.add(`${pin.idea}|${pin.commune}`);
  }
  const offsets = new Map<string, number>();
  for (const slot of slots) {
    const communes = slot.canton.communes;
    const turn = offsets.get(slot.canton.slug) ?? rng.int(0, 2);
    offsets.set(slot.canton.slug, turn + 1);
    if (slot.pinned) continue;
    slot.commune = communes[turn % communes.length];
    const name = (slot.commune as CommuneSeed).name;
    if (slot.exceptional) {
      slot.idea = slot.exceptional.idea;
    } else {
      const pool = slot.youth ? "youth" : "adult";
      let idea: Idea;
      do {
        idea = pools[pool][cursor[pool]++ % pools[pool].length] as Idea;
      } while (used.has(`${idea.key}|${name}`));
      slot.idea = idea;
    }
    used.add(`${slot.idea.key}|${name}`);
  }
}

/**
 * Every theme of the edition gets at least one project: where one has none, an ordinary
 * project of a theme that has several takes an idea of the missing theme instead.
 */
function coverThemes(slots: Slot[], edition: EditionFacts): void {
  const themeOf = (slot: Slot) => edition.themes[(slot.idea as Idea).family];
  for (const theme of new Set(Object.values(edition.themes))) {
    if (slots.some((slot) => themeOf(slot) === theme)) continue;
    const crowded = (slot: Slot) => slots.filter((other) => themeOf(other) === themeOf(slot)).length > 1;
    const fits = (slot: Slot, idea: Idea) =>
      edition.themes[idea.family] === theme && (slot.youth ? idea.audience !== "adult" : idea.audience !== "youth");
    const slot = slots.find((s) => !s.pinned && !s.exceptional && crowded(s) && IDEAS.some((i) => fits(s, i)));
    const idea = slot && IDEAS.find((i) => fits(slot, i));
    if (slot && idea) slot.idea = idea;
  }
}
