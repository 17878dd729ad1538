import { normalizeKey } from "../text/normalize-key.ts";

/** The columns the import understands. */
export type ImportField =
  | "reference"
  | "edition"
  | "title"
  | "holderName"
  | "holderKind"
  | "holderEmail"
  | "holderPhone"
  | "commune"
  | "canton"
  | "theme"
  | "isYouth"
  | "votes"
  | "awarded"
  | "status";

/** Each field's canonical French header first, then the variants found in real sheets. */
const headers: Record<ImportField, string[]> = {
  reference: ["Référence", "Réf", "Référence projet", "Référence du projet", "N° projet", "Numéro de projet"],
  edition: ["Édition", "Année", "Année d'édition", "Édition BPC"],
  title: ["Titre", "Titre du projet", "Intitulé", "Intitulé du projet", "Nom du projet", "Projet"],
  holderName: ["Porteur", "Porteur de projet", "Porteur du projet", "Nom du porteur"],
  holderKind: ["Type de porteur", "Type porteur", "Type", "Catégorie de porteur"],
  holderEmail: [
    "Email porteur",
    "E-mail porteur",
    "Mail porteur",
    "Courriel porteur",
    "Email du porteur",
    "E-mail du porteur",
    "Courriel du porteur",
    "Email",
    "E-mail",
    "Courriel",
    "Mail",
    "Adresse e-mail",
  ],
  holderPhone: ["Téléphone", "Tél", "Téléphone porteur", "Téléphone du porteur", "Portable"],
  commune: ["Commune", "Ville", "Commune du projet"],
  canton: ["Canton"],
  theme: ["Thème", "Thématique", "Thème du projet"],
  isYouth: ["Projet jeune", "Projet jeunes", "Jeune", "Projet jeunesse", "Jeunesse"],
  votes: ["Votes", "Nombre de votes", "Nb votes", "Nb de votes", "Voix", "Nombre de voix"],
  awarded: ["Montant attribué", "Montant", "Montant voté", "Montant accordé", "Montant alloué"],
  status: ["Statut", "État", "Statut du projet", "État d'avancement", "Avancement"],
};

/** Without these a row cannot become a project. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  "reference",
  "title",
  "holderName",
  "holderKind",
  "holderEmail",
  "canton",
  "awarded",
];

/** The canonical French header of a field, for messages. */
export const fieldLabel = (field: ImportField): string => headers[field][0] as string;

/** `Montant attribué (€)`, `MONTANT  ATTRIBUE en euros` → `montantattribue`. */
export function headerKey(header: string): string {
  return normalizeKey(header)
    .replace(/\s*(\(\s*(€|eur|euros?)\s*\)|en\s+(€|euros?)|€)\s*$/u, "")
    .replace(/[^a-z0-9]+/g, "");
}

const fieldByKey = new Map<string, ImportField>(
  (Object.entries(headers) as [ImportField, string[]][]).flatMap(([field, names]) =>
    names.map((name) => [headerKey(name), field] as const),
  ),
);

export interface ColumnMap {
  /** Column index (0-based) of each field present. */
  index: Partial<Record<ImportField, number>>;
  /** Headers of the columns the import does not use, as written. */
  ignored: string[];
  missing: ImportField[];
  /** Fields given by two columns (the first is used). */
  duplicated: ImportField[];
}

/** Recognises the header whatever its case, accents, spacing or punctuation. */
export function mapColumns(header: string[]): ColumnMap {
  const index: Partial<Record<ImportField, number>> = {};
  const ignored: string[] = [];
  const duplicated: ImportField[] = [];
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
  return { index, ignored, missing: REQUIRED_FIELDS.filter((f) => index[f] === undefined), duplicated };
}

/** A row looks like the header when it names the reference and at least two other known columns. */
export function looksLikeHeader(cells: string[]): boolean {
  const fields = new Set(cells.map((cell) => fieldByKey.get(headerKey(cell))).filter(Boolean));
  return fields.has("reference") && fields.size >= 3;
}
