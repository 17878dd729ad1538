import { type HeaderColumns, headerFields } from "../import/header-fields.ts";

/** The columns of the platform's results export the online votes import reads. */
export type VoteField = "reference" | "title" | "votes";

/** Each field's canonical French header first, then the variants of the platform's exports. */
const voteHeaders = headerFields<VoteField>(
  {
    reference: [
      "Référence",
      "Réf",
      "Identifiant",
      "Id",
      "N° idée",
      "Numéro",
      "Référence idée",
      "Identifiant de l'idée",
    ],
    title: ["Titre", "Titre de l'idée", "Intitulé", "Idée", "Projet", "Nom du projet"],
    votes: [
      "Votes",
      "Nombre de votes",
      "Nb votes",
      "Nb de votes",
      "Voix",
      "Nombre de voix",
      "Nb de voix",
      "Votes en ligne",
      "Total des votes",
    ],
  },
  // Without these a row says nothing: which idea, how many votes.
  ["reference", "votes"],
);

export type VoteColumnMap = HeaderColumns<VoteField>;

/** The canonical French header of a field, for messages. */
export const voteFieldLabel = voteHeaders.label;

/** Recognises the header whatever its case, accents, spacing or punctuation (`Nombre de voix`). */
export const mapVoteColumns = voteHeaders.map;

/** A row looks like the header when it names both the idea and the votes (a title line may sit above). */
export function looksLikeVoteHeader(cells: string[]): boolean {
  const fields = voteHeaders.fieldsOf(cells);
  return fields.has("reference") && fields.has("votes");
}
