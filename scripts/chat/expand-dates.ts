/** The formats of Adaptive Cards' date functions, for a French user in Paris. */
const dateFormats = {
  COMPACT: new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" }),
  SHORT: new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  }),
  LONG: new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "full" }),
  TIME: new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", timeStyle: "short" }),
};

/** Adaptive Cards' `{{DATE(iso, SHORT)}}` and `{{TIME(iso)}}`, as Teams shows them to a user in Paris. */
export function expandDates(text: string): string {
  return text.replace(
    /\{\{(DATE|TIME)\(([^,)]+)(?:,\s*(COMPACT|SHORT|LONG))?\)\}\}/g,
    (whole, fn: string, iso: string, form?: string) => {
      const date = new Date(iso.trim());
      if (Number.isNaN(date.getTime())) return whole;
      const format =
        fn === "TIME" ? dateFormats.TIME : dateFormats[(form ?? "COMPACT") as "COMPACT" | "SHORT" | "LONG"];
      return format.format(date);
    },
  );
}
