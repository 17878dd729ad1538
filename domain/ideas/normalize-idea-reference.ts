/**
 * An idea reference as typed (« i2024-123 », « I2024-0123 ») in its stored form: upper
 * case, and the platform's number padded to four digits. Null when nothing usable is left.
 */
export function normalizeIdeaReference(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/\s+/g, "");
  if (!compact) return null;
  const platform = /^I?(\d{4})-(\d{1,4})$/.exec(compact);
  if (platform) return `I${platform[1]}-${platform[2]?.padStart(4, "0")}`;
  return /^[A-Z0-9][A-Z0-9._/-]{0,39}$/.test(compact) ? compact : null;
}
