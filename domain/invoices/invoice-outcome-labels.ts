import type { CheckOutcome } from "../../prisma/generated/enums.ts";

/** French label of each check outcome, as agents say it. */
export const invoiceOutcomeLabels: Record<CheckOutcome, string> = {
  COMPLIANT: "conforme",
  NON_COMPLIANT: "non conforme",
  INCOMPLETE: "à compléter",
};
