/** A project reference as agents type it: `2022-017`, `2022-17`. */
export const REFERENCE_PATTERN = /^\d{4}-\d{1,4}$/;

/** Normalises `2022-17` or ` 2022-017 ` to `2022-017`; null when it is not a reference. */
export function normalizeReference(text: string): string | null {
  const trimmed = text.trim();
  if (!REFERENCE_PATTERN.test(trimmed)) return null;
  const [year, number] = trimmed.split("-") as [string, string];
  return `${year}-${number.padStart(3, "0")}`;
}
