import type { ProjectStatus } from "../../prisma/generated/enums.ts";

/** French label of each lifecycle status, as agents say it. */
export const projectStatusLabels: Record<ProjectStatus, string> = {
  WINNER: "Lauréat",
  AGREEMENT_PENDING: "Convention en cours",
  AGREEMENT_SIGNED: "Convention signée",
  IN_PROGRESS: "En réalisation",
  COMPLETED: "Réalisé",
  INAUGURATED: "Inauguré",
  PAID_IN_FULL: "Soldé",
  REPORT_RECEIVED: "Bilan n+1 reçu",
  CLOSED: "Clos",
  ABANDONED: "Abandonné",
};
