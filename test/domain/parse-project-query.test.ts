import { describe, expect, it } from "vitest";
import {
  type ParsedProjectQuery,
  parseProjectQuery,
  type QueryVocabulary,
} from "../../domain/projects/parse-project-query.ts";
import { CANTONS } from "../../prisma/seed-data/cantons.ts";
import { EDITIONS, themeNames } from "../../prisma/seed-data/editions.ts";

/** The seed's 15 cantons and its themes: the lists the bot reads from the database. */
const vocabulary: QueryVocabulary = {
  cantons: CANTONS.map(({ slug, name }) => ({ slug, name })),
  themes: [...new Set(EDITIONS.flatMap(themeNames))],
};

const cases: [string, ParsedProjectQuery][] = [
  ["le skatepark de Grenade", { words: ["skatepark", "grenade"], filters: {} }],
  ["skate grenade", { words: ["skate", "grenade"], filters: {} }],
  ["grenad skatpark", { words: ["grenad", "skatpark"], filters: {} }],
  ["2022-017", { words: [], reference: "2022-017", filters: {} }],
  ["le projet 2022-17 ?", { words: [], reference: "2022-017", filters: {} }],
  [
    "les projets jeunes de Dax-2 en 2021",
    { words: [], filters: { isYouth: true, cantonSlug: "dax-2", cantonName: "Dax-2", editionYear: 2021 } },
  ],
  ["Dax 2", { words: [], filters: { cantonSlug: "dax-2", cantonName: "Dax-2" } }],
  ["dax2 jeunesse", { words: [], filters: { cantonSlug: "dax-2", cantonName: "Dax-2", isYouth: true } }],
  [
    "projets canton seignanx 2022 en retard",
    { words: [], filters: { cantonSlug: "seignanx", cantonName: "Seignanx", editionYear: 2022, late: true } },
  ],
  [
    "mont de marsan 1 soldés",
    { words: [], filters: { cantonSlug: "mont-de-marsan-1", cantonName: "Mont-de-Marsan-1", status: "PAID_IN_FULL" } },
  ],
  [
    "Côte d'Argent clos",
    { words: [], filters: { cantonSlug: "cote-d-argent", cantonName: "Côte d'Argent", status: "CLOSED" } },
  ],
  ["mont de marsan", { words: ["mont", "marsan"], filters: {} }],
  ["projets abandonnés", { words: [], filters: { status: "ABANDONED" } }],
  ["projets en cours", { words: [], filters: { status: "IN_PROGRESS" } }],
  ["convention en cours", { words: [], filters: { status: "AGREEMENT_PENDING" } }],
  ["conventions signées 2024", { words: [], filters: { status: "AGREEMENT_SIGNED", editionYear: 2024 } }],
  ["bilan n+1 reçu", { words: [], filters: { status: "REPORT_RECEIVED" } }],
  ["lauréats 2019 en retard", { words: [], filters: { status: "WINNER", editionYear: 2019, late: true } }],
  ["projets retard", { words: [], filters: { late: true } }],
  ["commune de Grenade-sur-l'Adour", { words: [], filters: { communeName: "grenade adour" } }],
  ["thème sport 2022", { words: [], filters: { themeName: "sport", editionYear: 2022 } }],
  ["thème jeunesse", { words: [], filters: { themeName: "jeunesse" } }],
  ["Sports et loisirs", { words: [], filters: { themeName: "Sports et loisirs" } }],
  ["éducation et jeunesse 2019", { words: [], filters: { themeName: "Éducation et jeunesse", editionYear: 2019 } }],
  ["ÉCOLE 2031 de la forêt", { words: ["ecole", "2031", "foret"], filters: {} }],
  ["", { words: [], filters: {} }],
];

describe("parseProjectQuery", () => {
  it.each(cases)("reads « %s »", (text, expected) => {
    expect(parseProjectQuery(text, vocabulary)).toEqual(expected);
  });

  it("keeps the first edition year and reference when several are typed", () => {
    const parsed = parseProjectQuery("2021 2022 2022-017 2024-001", vocabulary);
    expect(parsed.filters.editionYear).toBe(2021);
    expect(parsed.reference).toBe("2022-017");
  });
});
