/** Where a polling place's paper count stands. */
export type PollingPlaceState = "TO_ENTER" | "WAITING" | "DISAGREEMENT" | "VALIDATED";

export const pollingPlaceStateLabels: Record<PollingPlaceState, string> = {
  TO_ENTER: "à saisir",
  WAITING: "en attente de la 2e saisie",
  DISAGREEMENT: "désaccord",
  VALIDATED: "validé",
};

/**
 * The state from the facts: validated once an entry was accepted; otherwise by the
 * number of entries (agents' entries that agreed would have validated the place, so two
 * or more entries still open disagree).
 */
export function pollingPlaceState(place: { acceptedEntryId: number | null; entryCount: number }): PollingPlaceState {
  if (place.acceptedEntryId !== null) return "VALIDATED";
  if (place.entryCount === 0) return "TO_ENTER";
  return place.entryCount === 1 ? "WAITING" : "DISAGREEMENT";
}
