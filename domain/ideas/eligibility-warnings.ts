import { formatEuros } from "../money/format-euros.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { FIELDS_OF_ACTION, matchFieldOfAction } from "./fields-of-action.ts";

/** The most an idea may cost, in cents (rules of the BPC40). */
export const MAX_IDEA_CENTS = 5_000_000;
/** The most a youth idea may cost, in cents. */
export const MAX_YOUTH_IDEA_CENTS = 3_000_000;

export interface EligibilityInput {
  title: string;
  description: string;
  estimatedCents: number;
  isYouth: boolean;
  fieldOfAction: string | null;
}

export type EligibilityWarningKind = "cost" | "field" | "jobs" | "collective";

export interface EligibilityWarning {
  kind: EligibilityWarningKind;
  /** French, for the agent's card. */
  message: string;
}

/** Folded words hinting that the money would pay people (the budget funds works and equipment, never jobs). */
const JOB_WORDS =
  /\b(salaires?|salarie(e|s|es)?|emplois?|postes?|remunerations?|remunere(r|e|s|es)?|embauche(r)?|recrut(er|ement)|cdd|cdi|vacataires?|honoraires?)\b/u;

/** Folded phrases hinting at a private benefit rather than a collective purpose. */
const PRIVATE_WORDS =
  /\b(mon jardin|ma maison|ma propriete|mon terrain|chez moi|notre maison|usage (prive|personnel)|a titre (prive|personnel)|pour moi|ma residence|mon entreprise|ma societe)\b/u;

/** Below this many letters, a description says too little to judge the collective purpose. */
const MIN_DESCRIPTION = 40;

/**
 * What an agent should look at before deciding on an idea: over the cost ceiling
 * (50 000 €, 30 000 € for youth), outside the funded fields of action, wording that
 * suggests paying jobs, no visible collective purpose. Warnings only: the agent decides.
 */
export function eligibilityWarnings(idea: EligibilityInput): EligibilityWarning[] {
  const warnings: EligibilityWarning[] = [];
  const ceiling = idea.isYouth ? MAX_YOUTH_IDEA_CENTS : MAX_IDEA_CENTS;
  if (idea.estimatedCents > ceiling) {
    warnings.push({
      kind: "cost",
      message: `Coût estimé ${formatEuros(idea.estimatedCents)} : au-delà du plafond de ${formatEuros(ceiling)}${idea.isYouth ? " pour un projet jeune" : ""}.`,
    });
  }
  if (idea.fieldOfAction?.trim() && !matchFieldOfAction(idea.fieldOfAction)) {
    warnings.push({
      kind: "field",
      message: `Domaine « ${idea.fieldOfAction.trim()} » hors des champs d'action du Département (${FIELDS_OF_ACTION.map((f) => f.label).join(", ")}).`,
    });
  }
  const text = normalizeKey(`${idea.title} ${idea.description}`).replace(/[^a-z0-9]+/g, " ");
  const job = JOB_WORDS.exec(text);
  if (job) {
    warnings.push({
      kind: "jobs",
      message: `Le texte évoque un emploi (« ${job[0]} ») : le budget finance des travaux et des équipements, jamais des emplois.`,
    });
  }
  const privateUse = PRIVATE_WORDS.exec(text);
  if (privateUse) {
    warnings.push({
      kind: "collective",
      message: `Le texte évoque un usage privé (« ${privateUse[0]} ») : l'idée doit avoir une finalité collective.`,
    });
  } else if (idea.description.replace(/[^\p{L}]/gu, "").length < MIN_DESCRIPTION) {
    warnings.push({
      kind: "collective",
      message: "Description trop courte pour juger de la finalité collective : à préciser avec le porteur.",
    });
  }
  return warnings;
}
