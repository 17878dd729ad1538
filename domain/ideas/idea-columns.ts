import { headerKey } from "../import/import-columns.ts";

/** The columns of the platform's export the idea import understands. */
export type IdeaField =
  | "reference"
  | "title"
  | "holderName"
  | "holderKind"
  | "contactEmail"
  | "contactPhone"
  | "commune"
  | "canton"
  | "theme"
  | "fieldOfAction"
  | "estimated"
  | "isYouth"
  | "description";

/** Each field's canonical French header first, then the variants of the platform's exports. */
const headers: Record<IdeaField, string[]> = {
  reference: ["Référence", "Réf", "Identifiant", "Id", "N° idée", "Numéro", "Numéro de l'idée", "Référence idée"],
  title: ["Titre", "Titre de l'idée", "Intitulé", "Nom de l'idée", "Idée"],
  holderName: ["Porteur", "Porteur de l'idée", "Nom du porteur", "Déposant", "Auteur"],
  holderKind: ["Type de porteur", "Type porteur", "Catégorie de porteur"],
  contactEmail: [
    "Contact",
    "E-mail",
    "Email",
    "Courriel",
    "Mail",
    "Adresse e-mail",
    "Contact e-mail",
    "E-mail du porteur",
  ],
  contactPhone: ["Téléphone", "Tél", "Portable", "Téléphone du porteur"],
  commune: ["Commune", "Ville", "Lieu"],
  canton: ["Canton"],
  theme: ["Thème", "Thématique"],
  fieldOfAction: ["Domaine d'action", "Champ d'action", "Domaine"],
  estimated: ["Coût estimé", "Coût", "Montant estimé", "Budget estimé", "Estimation", "Coût estimé TTC"],
  isYouth: ["Jeune", "Projet jeune", "Idée jeune", "Jeunesse", "Moins de 18 ans"],
  description: ["Description", "Description de l'idée", "Détail", "Présentation"],
};

/** Without these a row cannot become an idea. */
export const REQUIRED_IDEA_FIELDS: readonly IdeaField[] = ["title", "holderName", "contactEmail", "estimated"];

/** The canonical French header of a field, for messages. */
export const ideaFieldLabel = (field: IdeaField): string => headers[field][0] as string;

const fieldByKey = new Map<string, IdeaField>(
  (Object.entries(headers) as [IdeaField, string[]][]).flatMap(([field, names]) =>
    names.map((name) => [headerKey(name), field] as const),
  ),
);

export interface IdeaColumnMap {
  index: Partial<Record<IdeaField, number>>;
  ignored: string[];
  missing: IdeaField[];
}

/** Recognises the header whatever its case, accents, spacing or punctuation (`Coût estimé (€)`). */
export function mapIdeaColumns(header: string[]): IdeaColumnMap {
  const index: Partial<Record<IdeaField, number>> = {};
  const ignored: string[] = [];
  header.forEach((name, column) => {
    const field = fieldByKey.get(headerKey(name));
    if (!field) {
      if (name.trim()) ignored.push(name.trim());
    } else if (index[field] === undefined) {
      index[field] = column;
    }
  });
  return { index, ignored, missing: REQUIRED_IDEA_FIELDS.filter((f) => index[f] === undefined) };
}

/** A row looks like the header when it names the title and at least two other known columns. */
export function looksLikeIdeaHeader(cells: string[]): boolean {
  const fields = new Set(cells.map((cell) => fieldByKey.get(headerKey(cell))).filter(Boolean));
  return fields.has("title") && fields.size >= 3;
}
