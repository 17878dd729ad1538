import { parisDay } from "../../domain/dates/paris-time.ts";

/**
 * Hands out Astre mandate numbers ("M2023-004512"): one series per accounting year,
 * increasing in the order payments are generated, as the accounting software does.
 */
export class MandateBook {
  private readonly counts = new Map<number, number>();

  next(sentAt: Date): string {
    const year = parisDay(sentAt).year;
    const n = (this.counts.get(year) ?? 0) + 1;
    this.counts.set(year, n);
    const number = 1_180 + (year % 7) * 613 + n * 37 + ((n * 13) % 29);
    return `M${year}-${String(number).padStart(6, "0")}`;
  }
}
