import type { HolderKind } from "../../prisma/generated/enums.ts";

/** French label of each kind of porteur, as agents say it. */
export const holderKindLabels: Record<HolderKind, string> = {
  PERSON: "particulier",
  ASSOCIATION: "association",
  COLLECTIVE: "collectif",
  COMMUNE: "commune",
};
