import { normalizeKey } from "../text/normalize-key.ts";

/** `Montant attribué (€)`, `MONTANT  ATTRIBUE en euros` → `montantattribue`. */
export function headerKey(header: string): string {
  return normalizeKey(header)
    .replace(/\s*(\(\s*(€|eur|euros?)\s*\)|en\s+(€|euros?)|€)\s*$/u, "")
    .replace(/[^a-z0-9]+/g, "");
}

/** Where each known column sits in a header row, and what the row lacks or adds. */
export interface HeaderColumns<F extends string> {
  index: Partial<Record<F, number>>;
  /** Headers of the columns not read, as written. */
  ignored: string[];
  missing: F[];
  /** Fields given by two columns (the first is used). */
  duplicated: F[];
}

/**
 * The header reading of a spreadsheet import, from its fields' French headers (canonical
 * first, then the variants real exports use): `label` for messages, `map` for the header
 * row whatever its case, accents, spacing or units (the first column of a field wins),
 * and `fieldsOf` to tell a header row from a title line above it.
 */
export function headerFields<F extends string>(headers: Record<F, string[]>, required: readonly F[]) {
  const fieldByKey = new Map<string, F>(
    (Object.entries(headers) as [F, string[]][]).flatMap(([field, names]) =>
      names.map((name) => [headerKey(name), field] as const),
    ),
  );
  return {
    label: (field: F): string => headers[field][0] as string,
    fieldsOf: (cells: string[]): Set<F> => new Set(cells.flatMap((cell) => fieldByKey.get(headerKey(cell)) ?? [])),
    map(header: string[]): HeaderColumns<F> {
      const index: Partial<Record<F, number>> = {};
      const ignored: string[] = [];
      const duplicated: F[] = [];
      header.forEach((name, column) => {
        const field = fieldByKey.get(headerKey(name));
        if (!field) {
          if (name.trim()) ignored.push(name.trim());
        } else if (index[field] === undefined) {
          index[field] = column;
        } else {
          duplicated.push(field);
        }
      });
      return { index, ignored, missing: required.filter((f) => index[f] === undefined), duplicated };
    },
  };
}
