/** `«\u00a0titre\u00a0»`: French quotes with no-break spaces, so a phone never wraps a lone `»`. */
export function frenchQuote(text: string): string {
  return `«\u00a0${text}\u00a0»`;
}
