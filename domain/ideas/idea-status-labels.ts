import type { IdeaStatus } from "../../prisma/generated/enums.ts";

/** The French name of each analysis outcome, as agents and porteurs read it. */
export const ideaStatusLabels: Record<IdeaStatus, string> = {
  TO_ANALYSE: "à analyser",
  ELIGIBLE: "recevable",
  TO_ADJUST: "à ajuster",
  INELIGIBLE: "non recevable",
};

/** Decisions whose reason must be given: the porteur has to know what to change or why. */
export const REASON_REQUIRED: readonly IdeaStatus[] = ["TO_ADJUST", "INELIGIBLE"];
