export const PARIS = "Europe/Paris";

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, hour: "2-digit", minute: "2-digit" });
const shortFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** `mardi 3 juin 2025`, `mardi 1er juillet 2025`, in Europe/Paris. */
export function formatDate(date: Date): string {
  return dayFormat.format(date).replace(/^(\S+ )1 /, "$11er ");
}

/** `mardi 3 juin 2025 à 18 h 00`, in Europe/Paris. */
export function formatDateTime(date: Date): string {
  const [hours, minutes] = timeFormat.format(date).split(":");
  return `${formatDate(date)} à ${hours} h ${minutes}`;
}

/** `03/06/2025`, in Europe/Paris (for tables and lists). */
export function formatShortDate(date: Date): string {
  return shortFormat.format(date);
}
