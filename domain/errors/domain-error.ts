/**
 * Every refusal the domain can give, with its French message. Adding a code without
 * its message fails `tsc`, so agents never see an untranslated error.
 */
const messages = {
  PROJECT_NOT_FOUND: (p: { reference: string }) =>
    `Je ne trouve aucun projet ${p.reference}. Vérifiez la référence (par exemple 2022-017) ou cherchez par mots-clés.`,
  REFERENCE_MISSING: () => "Indiquez une référence de projet, par exemple : statut 2022-017.",
  AGENT_ID_INVALID: (p: { value: string }) =>
    `« ${p.value} » n'est pas un identifiant Azure AD : il a la forme 6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e01.`,
  AGENT_NOT_FOUND: (p: { aadObjectId: string }) =>
    `Aucun agent n'a l'identifiant ${p.aadObjectId}. Tapez **agents** pour voir la liste.`,
  AGENT_ALREADY_EXISTS: (p: { name: string; role: string }) =>
    `${p.name} est déjà agent (rôle ${p.role}). Pour changer son rôle : **agent rôle <identifiant> <rôle>**.`,
  AGENT_LAST_ADMIN: (p: { name: string }) =>
    `${p.name} est le dernier administrateur : nommez d'abord un autre administrateur (**agent rôle <identifiant> admin**).`,
  EDITION_NOT_FOUND: (p: { value: string; known: string }) =>
    `Je ne connais pas l'édition « ${p.value} ». Éditions enregistrées : ${p.known || "aucune"}. Exemple : **rapport 2022**.`,
  IMPORT_FILE_UNREADABLE: (p: { fileName: string; reason: string }) =>
    `Je ne peux pas lire « ${p.fileName} » : ${p.reason}`,
} satisfies Record<string, (params: never) => string>;

export type DomainErrorCode = keyof typeof messages;
type ParamsOf<C extends DomainErrorCode> = Parameters<(typeof messages)[C]>[0];

/** A refusal with a closed code; rendered in French in one place (the command runner). */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  override name = "DomainError";
  readonly code: C;
  readonly params: ParamsOf<C>;

  constructor(code: C, ...params: ParamsOf<C> extends undefined ? [] : [ParamsOf<C>]) {
    super(code);
    this.code = code;
    this.params = params[0] as ParamsOf<C>;
  }

  /** The French message an agent reads. */
  get frenchMessage(): string {
    const render = messages[this.code] as (p: ParamsOf<C>) => string;
    return render(this.params);
  }
}
