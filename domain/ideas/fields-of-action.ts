import { normalizeKey } from "../text/normalize-key.ts";

/**
 * The fields of action the Département funds (eligibility rules of the BPC40), each with
 * the folded words that name it in what porteurs or the platform write.
 */
export const FIELDS_OF_ACTION: readonly { label: string; words: readonly string[] }[] = [
  { label: "solidarités", words: ["solidarite", "social", "sociale", "personnes agees", "handicap", "enfance"] },
  { label: "éducation", words: ["education", "educatif", "educative"] },
  { label: "jeunesse", words: ["jeunesse", "jeunes"] },
  { label: "sport", words: ["sport", "sports", "sportif", "sportive"] },
  { label: "environnement", words: ["environnement", "biodiversite", "nature"] },
  { label: "cadre de vie", words: ["cadre de vie"] },
  { label: "tourisme et loisirs", words: ["tourisme", "loisirs"] },
  { label: "culture et patrimoine", words: ["culture", "culturel", "culturelle", "patrimoine"] },
  { label: "numérique et développement local", words: ["numerique", "developpement local"] },
  { label: "agriculture et forêt", words: ["agriculture", "agricole", "foret", "forestier"] },
  { label: "développement durable", words: ["developpement durable", "transition ecologique"] },
  { label: "sécurité routière", words: ["securite routiere"] },
];

/** The funded field a free text names (« Sports et loisirs » → sport), or null when none. */
export function matchFieldOfAction(text: string): string | null {
  const folded = ` ${normalizeKey(text).replace(/[^a-z0-9]+/g, " ")} `;
  const found = FIELDS_OF_ACTION.find((field) => field.words.some((word) => folded.includes(` ${word} `)));
  return found?.label ?? null;
}
