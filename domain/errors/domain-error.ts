/**
 * Every refusal the domain can give, with its French message. Adding a code without
 * its message fails `tsc`, so agents never see an untranslated error.
 */
const messages = {
  PROJECT_NOT_FOUND: (p: { reference: string }) =>
    `Je ne trouve aucun projet ${p.reference}. Vérifiez la référence (par exemple 2022-017) ou cherchez par mots-clés.`,
  REFERENCE_MISSING: () => "Indiquez une référence de projet, par exemple : statut 2022-017.",
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
