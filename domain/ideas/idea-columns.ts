import { type HeaderColumns, headerFields } from "../import/header-fields.ts";

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

const ideaHeaders = headerFields(headers, REQUIRED_IDEA_FIELDS);

/** The canonical French header of a field, for messages. */
export const ideaFieldLabel = ideaHeaders.label;

export type IdeaColumnMap = HeaderColumns<IdeaField>;

/** Recognises the header whatever its case, accents, spacing or punctuation (`Coût estimé (€)`). */
export const mapIdeaColumns = ideaHeaders.map;

/** A row looks like the header when it names the title and at least two other known columns. */
export function looksLikeIdeaHeader(cells: string[]): boolean {
  const fields = ideaHeaders.fieldsOf(cells);
  return fields.has("title") && fields.size >= 3;
}
