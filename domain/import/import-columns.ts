import { type HeaderColumns, headerFields } from "./header-fields.ts";

export { headerKey } from "./header-fields.ts";

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

const importHeaders = headerFields(headers, REQUIRED_FIELDS);

/** The canonical French header of a field, for messages. */
export const fieldLabel = importHeaders.label;

/** Where each column sits: index (0-based) per field, ignored headers, missing and duplicated fields. */
export type ColumnMap = HeaderColumns<ImportField>;

/** Recognises the header whatever its case, accents, spacing or punctuation. */
export const mapColumns = importHeaders.map;

/** A row looks like the header when it names the reference and at least two other known columns. */
export function looksLikeHeader(cells: string[]): boolean {
  const fields = importHeaders.fieldsOf(cells);
  return fields.has("reference") && fields.size >= 3;
}
