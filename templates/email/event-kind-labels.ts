import type { EventKind } from "../../prisma/generated/enums.ts";

/** How an invitation names each kind of event; a new kind without its label fails `tsc`. */
export const eventKindLabels: Record<EventKind, string> = {
  INAUGURATION: "Inauguration",
  PUBLIC_MEETING: "Réunion publique",
  CITIZENS_COMMISSION: "Commission citoyenne",
  VOTE_COUNT: "Dépouillement des votes",
  WORKSHOP: "Atelier",
  STAND: "Stand d'information",
  OTHER: "Événement",
};
