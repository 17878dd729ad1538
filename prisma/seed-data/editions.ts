import { parisTime } from "../../domain/dates/paris-time.ts";

/**
 * Fields of action the Département funds, grouped in families; each edition publishes
 * its results under its own themes, so every edition maps each family to one of its themes.
 */
export type Family =
  | "mobility"
  | "education"
  | "culture"
  | "environment"
  | "solidarity"
  | "sport"
  | "digital"
  | "agriculture"
  | "roadSafety";

export interface EditionFacts {
  year: number;
  name: string;
  budgetCents: number;
  youthShareBp: number;
  ideasFiled: number | null;
  ideasVoted: number | null;
  voters: number | null;
  voteStartsAt: Date;
  voteEndsAt: Date;
  /** Only where the public record gives the day (2019, 2021). */
  resultsAt: Date | null;
  winners: number;
  youthWinners: number;
  /** Winners per canton before the remaining ones are spread (canton rule of the edition). */
  perCanton: number;
  themes: Record<Family, string>;
  /** Votes of the first and the last winner; the ones between decrease geometrically. */
  votes: { first: number; last: number };
  /** Where agents start counting the follow-up when no results day is on record. */
  followUpStart: Date;
  /** The selection rules of the edition (README « Règles de sélection »); caps are the defaults. */
  selection: EditionSelectionRules;
}

export interface EditionSelectionRules {
  winnersPerCanton: number;
  youthWinnersPerCanton: number;
  exceptionalCapCents: number | null;
  exceptionalSlots: number;
}

const BUDGET_CENTS = 150_000_000;

/**
 * Public facts of the editions (DOMAIN.md). 2024: the 50 winners were announced in June
 * 2025 without a day on record; its youth count (one per canton) is an illustration.
 */
export const EDITIONS: readonly EditionFacts[] = [
  {
    year: 2019,
    name: "Budget participatif citoyen des Landes 2019",
    budgetCents: BUDGET_CENTS,
    youthShareBp: 1000,
    ideasFiled: 958,
    ideasVoted: 367,
    voters: 52_908,
    voteStartsAt: parisTime(2019, 11, 1),
    voteEndsAt: parisTime(2019, 11, 30, 23, 59, 59),
    resultsAt: parisTime(2019, 12, 10, 18, 0),
    winners: 33,
    youthWinners: 6,
    perCanton: 1,
    themes: {
      mobility: "Mobilités",
      education: "Éducation et jeunesse",
      culture: "Culture et patrimoine",
      environment: "Environnement et cadre de vie",
      agriculture: "Environnement et cadre de vie",
      solidarity: "Solidarités et inclusion",
      digital: "Solidarités et inclusion",
      sport: "Sports et loisirs",
      roadSafety: "Mobilités",
    },
    votes: { first: 3_940, last: 610 },
    followUpStart: parisTime(2019, 12, 10, 18, 0),
    selection: { winnersPerCanton: 1, youthWinnersPerCanton: 0, exceptionalCapCents: 10_000_000, exceptionalSlots: 3 },
  },
  {
    year: 2021,
    name: "Budget participatif citoyen des Landes 2021",
    budgetCents: BUDGET_CENTS,
    youthShareBp: 1000,
    ideasFiled: 550,
    ideasVoted: 280,
    voters: 42_360,
    voteStartsAt: parisTime(2021, 11, 2),
    voteEndsAt: parisTime(2021, 11, 28, 23, 59, 59),
    resultsAt: parisTime(2021, 12, 15, 18, 0),
    winners: 54,
    youthWinners: 17,
    perCanton: 2,
    themes: {
      mobility: "Mobilités et sécurité routière",
      roadSafety: "Mobilités et sécurité routière",
      education: "Éducation et jeunesse",
      culture: "Culture et patrimoine",
      environment: "Environnement et développement durable",
      agriculture: "Environnement et développement durable",
      solidarity: "Solidarités",
      sport: "Sport, tourisme et loisirs",
      digital: "Numérique et développement local",
    },
    votes: { first: 3_120, last: 470 },
    followUpStart: parisTime(2021, 12, 15, 18, 0),
    selection: { winnersPerCanton: 2, youthWinnersPerCanton: 1, exceptionalCapCents: 10_000_000, exceptionalSlots: 3 },
  },
  {
    year: 2022,
    name: "Budget participatif citoyen des Landes 2022",
    budgetCents: BUDGET_CENTS,
    youthShareBp: 1000,
    ideasFiled: 237,
    ideasVoted: 136,
    voters: 22_500,
    voteStartsAt: parisTime(2023, 2, 22),
    voteEndsAt: parisTime(2023, 3, 22, 23, 59, 59),
    resultsAt: null,
    winners: 45,
    youthWinners: 9,
    perCanton: 2,
    themes: {
      mobility: "Mobilités douces",
      roadSafety: "Mobilités douces",
      education: "Jeunesse et éducation",
      digital: "Jeunesse et éducation",
      culture: "Culture et patrimoine",
      environment: "Environnement et biodiversité",
      agriculture: "Agriculture, forêt et alimentation",
      solidarity: "Solidarités et inclusion",
      sport: "Sport et santé",
    },
    votes: { first: 2_310, last: 380 },
    followUpStart: parisTime(2023, 4, 12, 10, 0),
    selection: { winnersPerCanton: 0, youthWinnersPerCanton: 0, exceptionalCapCents: null, exceptionalSlots: 0 },
  },
  {
    year: 2024,
    name: "Budget participatif citoyen des Landes 2024",
    budgetCents: BUDGET_CENTS,
    youthShareBp: 1000,
    ideasFiled: null,
    ideasVoted: null,
    voters: null,
    voteStartsAt: parisTime(2025, 5, 5),
    voteEndsAt: parisTime(2025, 5, 30, 23, 59, 59),
    resultsAt: null,
    winners: 50,
    youthWinners: 15,
    perCanton: 2,
    themes: {
      mobility: "Mobilités et sécurité routière",
      roadSafety: "Mobilités et sécurité routière",
      education: "Jeunesse",
      culture: "Culture et patrimoine",
      environment: "Environnement et développement durable",
      agriculture: "Environnement et développement durable",
      solidarity: "Solidarités",
      digital: "Numérique et vie locale",
      sport: "Sport et loisirs",
    },
    votes: { first: 2_640, last: 410 },
    followUpStart: parisTime(2025, 6, 27, 10, 0),
    selection: { winnersPerCanton: 2, youthWinnersPerCanton: 1, exceptionalCapCents: null, exceptionalSlots: 0 },
  },
];

/** The distinct theme names of an edition, in a stable order. */
export function themeNames(edition: EditionFacts): string[] {
  return [...new Set(Object.values(edition.themes))];
}
