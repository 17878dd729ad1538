import { formatEuros } from "../money/format-euros.ts";

/** « du canton de Dax-1 », « du canton d'Adour Armagnac ». */
export function ofCanton(name: string): string {
  return /^[aeiouyàâéèêîôû]/i.test(name) ? `du canton d'${name}` : `du canton de ${name}`;
}

/** 1 → « 1er », 2 → « 2e »; `feminine` gives « 1re ». */
export function ordinal(n: number, feminine = false): string {
  return n === 1 ? (feminine ? "1re" : "1er") : `${n}e`;
}

/**
 * The sentences of the selection's explanation, one per outcome, so the wording lives in
 * one place (the card and `Idea.selectionReason` show them as they are).
 */
export const selectionReasons = {
  cantonYouth: (canton: string, nth: number) =>
    `Retenu : garantie cantonale, ${ordinal(nth)} projet jeune ${ofCanton(canton)}`,
  canton: (canton: string, nth: number) => `Retenu : garantie cantonale, ${ordinal(nth)} lauréat ${ofCanton(canton)}`,
  youth: (reserveLeftCents: number) => `Retenu : réserve jeunesse (il y restait ${formatEuros(reserveLeftCents)})`,
  ranking: (leftCents: number) => `Retenu : dans l'enveloppe (il restait ${formatEuros(leftCents)})`,
  exceptional: (nth: number, slots: number) =>
    ` ; projet exceptionnel (${slots === 1 ? "place unique" : `${ordinal(nth, true)} des ${slots} places`})`,
  noVotes: () => "Écarté : aucune voix",
  overCap: (costCents: number, capCents: number, youth: boolean) =>
    `Écarté : ${formatEuros(costCents)} demandés, au-delà du plafond de ${formatEuros(capCents)} ${youth ? "des projets jeunes" : "par idée"}`,
  overExceptionalCap: (costCents: number, capCents: number) =>
    `Écarté : ${formatEuros(costCents)} demandés, au-delà du plafond de ${formatEuros(capCents)} des projets exceptionnels`,
  slotsTaken: (costCents: number, capCents: number, slots: number) =>
    `Écarté : ${formatEuros(costCents)} demandés, au-delà du plafond de ${formatEuros(capCents)}, et ${slots === 1 ? "la place de projet exceptionnel est prise" : `les ${slots} places de projet exceptionnel sont prises`}`,
  tie: (before: string, byCost: boolean) =>
    ` ; à égalité de voix avec ${before}, classé après (${byCost ? "coût plus élevé" : "déposé après"})`,
  noMoney: (costCents: number, leftCents: number) =>
    `Écarté : ${formatEuros(costCents)} demandés, il reste ${formatEuros(leftCents)}`,
};
