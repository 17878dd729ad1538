/** What a payment decision depends on, in integer cents. */
export interface PayableInput {
  awardedCents: number;
  /** The current convention's amount, when there is one: it caps the grant instead of the amount voted. */
  agreementCents: number | null;
  /** Eligible amount of the invoices whose latest check is conforme. */
  justifiedCents: number;
  /** Payments already sent. */
  paidCents: number;
}

/**
 * What can still be paid to the porteur (DOMAIN.md: "payable = min(awarded, justified)
 * minus what was already paid"), the convention amount standing for the awarded one
 * once signed. Never negative: an advance larger than what is justified so far leaves
 * nothing payable, it is not a debt. A fractional input (a share computed from a
 * percentage) is rounded down to the cent, so we never pay more than what is justified.
 */
export function payableCents({ awardedCents, agreementCents, justifiedCents, paidCents }: PayableInput): number {
  const ceiling = Math.min(agreementCents ?? awardedCents, justifiedCents);
  return Math.max(0, Math.floor(ceiling - paidCents));
}
