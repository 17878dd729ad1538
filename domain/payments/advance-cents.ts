/** The advance (acompte): `advanceShareBp` of the convention amount, rounded down to the cent (never more than agreed). */
export function advanceCents(amountCents: number, advanceShareBp: number): number {
  return Math.floor((amountCents * advanceShareBp) / 10_000);
}
