import { normalizeKey } from "../../domain/text/normalize-key.ts";

export interface CommuneFacts {
  name: string;
  postcode: string;
  /** Only codes checked against public records; the others stay empty rather than guessed. */
  inseeCode?: string;
}

export interface CantonFacts {
  name: string;
  slug: string;
  /** Real communes of the canton, the bureau centralisateur (or main town) first. */
  communes: readonly CommuneFacts[];
}

/** "Côte d'Argent" → "cote-d-argent": lowercase ASCII words joined by dashes. */
export function slugify(name: string): string {
  return normalizeKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const c = (name: string, postcode: string, inseeCode?: string): CommuneFacts =>
  inseeCode ? { name, postcode, inseeCode } : { name, postcode };

/**
 * The 15 cantons of the Landes (2015 map) with a handful of their communes each.
 * Mont-de-Marsan and Dax are split between two cantons; the seed attaches each city to
 * the "-1" canton only, so a commune name stays unambiguous in the demo.
 */
const CANTON_TABLE: readonly [string, CommuneFacts[]][] = [
  [
    "Adour Armagnac",
    [
      c("Aire-sur-l'Adour", "40800", "40001"),
      c("Grenade-sur-l'Adour", "40270"),
      c("Villeneuve-de-Marsan", "40190"),
      c("Cazères-sur-l'Adour", "40270"),
      c("Eugénie-les-Bains", "40320"),
      c("Duhort-Bachen", "40800"),
    ],
  ],
  [
    "Chalosse Tursan",
    [
      c("Hagetmau", "40700"),
      c("Saint-Sever", "40500"),
      c("Geaune", "40320"),
      c("Samadet", "40320"),
      c("Montaut", "40500"),
      c("Aurice", "40500"),
    ],
  ],
  [
    "Côte d'Argent",
    [
      c("Mimizan", "40200", "40184"),
      c("Léon", "40550", "40150"),
      c("Linxe", "40260", "40155"),
      c("Castets", "40260", "40075"),
      c("Lit-et-Mixe", "40170", "40157"),
      c("Saint-Julien-en-Born", "40170", "40266"),
      c("Pontenx-les-Forges", "40200", "40229"),
    ],
  ],
  [
    "Coteau de Chalosse",
    [
      c("Montfort-en-Chalosse", "40380", "40194"),
      c("Amou", "40330", "40002"),
      c("Mugron", "40250", "40201"),
      c("Pomarez", "40360"),
      c("Hinx", "40180", "40126"),
      c("Gamarde-les-Bains", "40380", "40104"),
    ],
  ],
  [
    "Dax-1",
    [
      c("Dax", "40100", "40088"),
      c("Saint-Paul-lès-Dax", "40990"),
      c("Saint-Vincent-de-Paul", "40990"),
      c("Tercis-les-Bains", "40180", "40314"),
      c("Mées", "40990"),
      c("Téthieu", "40990"),
    ],
  ],
  [
    "Dax-2",
    [
      c("Narrosse", "40180", "40202"),
      c("Saugnac-et-Cambran", "40180", "40294"),
      c("Heugas", "40180", "40125"),
      c("Oeyreluy", "40180", "40207"),
      c("Seyresse", "40180", "40300"),
      c("Candresse", "40180", "40063"),
    ],
  ],
  [
    "Grands Lacs",
    [
      c("Parentis-en-Born", "40160", "40217"),
      c("Biscarrosse", "40600"),
      c("Sanguinet", "40460"),
      c("Ychoux", "40160"),
      c("Gastes", "40160"),
      c("Pissos", "40410"),
    ],
  ],
  [
    "Haute Lande Armagnac",
    [
      c("Labrit", "40420"),
      c("Roquefort", "40120"),
      c("Gabarret", "40310"),
      c("Labouheyre", "40210"),
      c("Sabres", "40630"),
      c("Luxey", "40430"),
      c("Labastide-d'Armagnac", "40240"),
    ],
  ],
  [
    "Marensin Sud",
    [
      c("Soustons", "40140"),
      c("Soorts-Hossegor", "40150"),
      c("Seignosse", "40510"),
      c("Vieux-Boucau-les-Bains", "40480"),
      c("Magescq", "40140", "40168"),
      c("Tosse", "40230"),
    ],
  ],
  [
    "Mont-de-Marsan-1",
    [
      c("Mont-de-Marsan", "40000", "40192"),
      c("Saint-Avit", "40090"),
      c("Uchacq-et-Parentis", "40090"),
      c("Saint-Martin-d'Oney", "40090"),
      c("Geloux", "40090"),
    ],
  ],
  [
    "Mont-de-Marsan-2",
    [
      c("Saint-Pierre-du-Mont", "40280", "40281"),
      c("Bretagne-de-Marsan", "40280", "40055"),
      c("Benquet", "40280", "40037"),
      c("Campagne", "40090", "40061"),
      c("Saint-Perdon", "40090"),
    ],
  ],
  [
    "Orthe et Arrigans",
    [
      c("Peyrehorade", "40300", "40224"),
      c("Pouillon", "40350", "40233"),
      c("Habas", "40290", "40118"),
      c("Labatut", "40300", "40132"),
      c("Hastingues", "40300", "40120"),
    ],
  ],
  [
    "Pays morcenais tarusate",
    [
      c("Tartas", "40400"),
      c("Morcenx-la-Nouvelle", "40110"),
      c("Rion-des-Landes", "40370"),
      c("Pontonx-sur-l'Adour", "40465"),
      c("Ygos-Saint-Saturnin", "40110"),
      c("Lesperon", "40260"),
    ],
  ],
  [
    "Pays tyrossais",
    [
      c("Saint-Vincent-de-Tyrosse", "40230"),
      c("Capbreton", "40130", "40065"),
      c("Labenne", "40530", "40133"),
      c("Bénesse-Maremne", "40230", "40036"),
      c("Angresse", "40150", "40004"),
      c("Saubrigues", "40230"),
    ],
  ],
  [
    "Seignanx",
    [
      c("Tarnos", "40220"),
      c("Ondres", "40440"),
      c("Saint-Martin-de-Seignanx", "40390"),
      c("Saint-André-de-Seignanx", "40390"),
      c("Biaudos", "40390", "40044"),
    ],
  ],
];

export const CANTONS: readonly CantonFacts[] = CANTON_TABLE.map(([name, communes]) => ({
  name,
  slug: slugify(name),
  communes,
}));
