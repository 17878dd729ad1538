import { CANTONS, type CantonFacts, type CommuneFacts, slugify } from "./cantons.ts";
import { type EmailBook, personName } from "./people.ts";
import { createRng, seedOf } from "./prng.ts";

export interface CommuneSeed extends CommuneFacts {
  mayorName: string;
  mayorEmail: string;
}

export interface OfficialSeed {
  name: string;
  email: string;
}

export interface CantonSeed extends Omit<CantonFacts, "communes"> {
  communes: CommuneSeed[];
  /** The canton's two conseillers départementaux (a woman and a man, as elected in pairs). */
  officials: [OfficialSeed, OfficialSeed];
}

/** Cantons with invented mayors and councillors; `emails` keeps addresses unique across the demo. */
export function buildTerritory(emails: EmailBook): CantonSeed[] {
  const rng = createRng(seedOf("territory"));
  return CANTONS.map((canton) => {
    const officials = (["F", "M"] as const).map((gender) => {
      const name = personName(rng, gender);
      return { name, email: emails.take(name) };
    }) as [OfficialSeed, OfficialSeed];
    const communes = canton.communes.map((commune) => ({
      ...commune,
      mayorName: personName(rng),
      mayorEmail: emails.take(`maire.${slugify(commune.name)}`),
    }));
    return { ...canton, communes, officials };
  });
}
