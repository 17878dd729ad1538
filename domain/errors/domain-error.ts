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
  INVOICE_FIELD_INVALID: (p: { reason: string }) => `Contrôle non enregistré : ${p.reason}.`,
  INVOICE_ELIGIBLE_OVER_AMOUNT: (p: { eligible: string; amount: string }) =>
    `Contrôle non enregistré : le montant éligible (${p.eligible}) dépasse le montant de la facture (${p.amount}).`,
  INVOICE_DATE_IN_FUTURE: (p: { date: string; today: string }) =>
    `Contrôle non enregistré : la facture est datée du ${p.date}, après aujourd'hui (${p.today}).`,
  INVOICE_DATE_BEFORE_EDITION: (p: { date: string; start: string; edition: number }) =>
    `Contrôle non enregistré : la facture est datée du ${p.date}, avant le début de l'édition ${p.edition} (${p.start}).`,
  INVOICE_DUPLICATE: (p: { supplier: string; number: string; reference: string; checkId: number }) =>
    `La facture ${p.number} de ${p.supplier} est déjà enregistrée sur le projet ${p.reference} (contrôle n° ${p.checkId}). Pour la corriger : **facture modifier ${p.checkId} …** (tapez **aide facture**).`,
  INVOICE_PROJECT_CLOSED: (p: { reference: string; status: string }) =>
    `Le projet ${p.reference} est ${p.status} : on n'y enregistre plus de contrôle de facture.`,
  INVOICE_CHECK_NOT_FOUND: (p: { checkId: string }) =>
    `Je ne trouve aucun contrôle de facture n° ${p.checkId}. Son numéro figure dans la réponse qui l'a enregistré.`,
  INVOICE_NOT_FOUND: (p: { number: string }) =>
    `Je ne trouve aucune facture ${p.number} en cours. Indiquez la référence du projet : **facture annuler 2022-017 ${p.number} "raison"**.`,
  INVOICE_AMBIGUOUS: (p: { number: string; references: string }) =>
    `Plusieurs factures portent le numéro ${p.number} (${p.references}) : précisez le projet, par exemple **facture annuler 2022-017 ${p.number} "raison"**.`,
  INVOICE_CANCELLED: (p: { number: string; supplier: string }) =>
    `La facture ${p.number} de ${p.supplier} est annulée : elle ne peut plus être modifiée ni annulée.`,
  COMMAND_UNCLEAR: (p: { problem: string; usage: string }) => `${p.problem} Exemple : **${p.usage}**.`,
  FEED_URL_INVALID: (p: { value: string }) =>
    `« ${p.value} » n'est pas une adresse web : elle commence par https:// (ou http://), par exemple https://www.example.fr/rss.`,
  FEED_UNREADABLE: (p: { url: string; reason: string }) =>
    `Je ne peux pas suivre ${p.url} : ${p.reason}. Vérifiez que c'est bien l'adresse d'un flux RSS ou Atom.`,
  FEED_ALREADY_FOLLOWED: (p: { url: string }) => `Le flux ${p.url} est déjà suivi. Tapez **veille** pour la liste.`,
  FEED_NOT_FOUND: (p: { url: string }) =>
    `Aucun flux suivi n'a l'adresse ${p.url}. Tapez **veille** pour voir les flux suivis.`,
  VEILLE_CHANNEL_ONLY: () =>
    "Tapez **veille canal** dans le canal d'équipe qui doit recevoir la synthèse de la veille (en mentionnant le bot), pas dans une conversation privée.",
  AGREEMENT_NOT_FOUND: (p: { reference: string }) =>
    `Le projet ${p.reference} n'a pas de convention en cours. Tapez **convention ${p.reference}** pour en préparer une.`,
  AGREEMENT_TRANSITION_REFUSED: (p: { agreementReference: string; current: string; wanted: string; hint: string }) =>
    `Impossible : la convention ${p.agreementReference} est ${p.current}, elle ne peut pas être ${p.wanted}. ${p.hint}`,
  AGREEMENT_HAS_PAYMENTS: (p: { agreementReference: string }) =>
    `La convention ${p.agreementReference} a déjà donné lieu à des versements : elle ne peut pas être annulée ni modifiée.`,
  PAYMENT_AGREEMENT_UNSIGNED: (p: { reference: string; current: string }) =>
    `Pas de versement pour le projet ${p.reference} : sa convention n'est pas signée par les deux parties (elle est ${p.current}).`,
  PAYMENT_OVER_LIMIT: (p: { kind: string; amount: string; limit: string; why: string }) =>
    `Versement refusé : ${p.kind} de ${p.amount} dépasserait ce qui peut être versé (${p.limit} au plus : ${p.why}).`,
  MANDATE_INVALID: (p: { value: string }) =>
    `« ${p.value} » n'est pas un numéro de mandat Astre : il a la forme M2026-004512 (M, l'année, un tiret, six chiffres).`,
  DATE_INVALID: (p: { value: string }) =>
    `« ${p.value} » n'est pas une date : écrivez-la jj/mm/aaaa, par exemple 12/03/2026.`,
  DATE_IN_FUTURE: (p: { date: string }) =>
    `La date du ${p.date} est dans le futur : indiquez une date passée (ou « prévu » pour un versement à venir).`,
  PROJECT_STATUS_UNKNOWN: (p: { value: string; known: string }) =>
    `Je ne connais pas le statut « ${p.value} ». Statuts possibles : ${p.known}.`,
  IDEA_NOT_FOUND: (p: { reference: string }) =>
    `Je ne trouve aucune idée ${p.reference}. Tapez **idées** pour voir la liste (référence par exemple I2024-0123).`,
  IDEA_REASON_REQUIRED: (p: { status: string }) =>
    `Indiquez le motif de la décision « ${p.status} » : le porteur le recevra par e-mail.`,
  IDEA_NOTE_EMPTY: () => "La note de suivi est vide : écrivez ce qui a été dit ou fait avec le porteur.",
  SELECTION_CHANGED: (p: { year: string }) =>
    `Résultats non publiés : la sélection de l'édition ${p.year} a changé depuis votre relecture (dépouillement ou idée modifiés). Relisez-la avec **sélection ${p.year}** avant de publier.`,
  SELECTION_EMPTY: (p: { year: string }) =>
    `Rien à publier : l'édition ${p.year} n'a aucune idée recevable ayant reçu des voix.`,
  SELECTION_IDEA_WITHOUT_CANTON: (p: { reference: string }) =>
    `Résultats non publiés : l'idée lauréate ${p.reference} n'a ni canton ni commune. Complétez-la (réimport des idées), puis publiez de nouveau.`,
  SELECTION_RULES_PUBLISHED: (p: { year: string }) =>
    `Les résultats de l'édition ${p.year} sont publiés : ses règles de sélection ne changent plus.`,
  SELECTION_RULES_INVALID: (p: { problems: string }) =>
    `Règles non modifiées :\n${p.problems}\nExemple : **sélection règles 2026 enveloppe 1 500 000 ; réserve 10 % ; plafond 50 000 ; plafond jeunes 30 000 ; exceptionnels 0 ; par canton 2 dont 1 jeune**.`,
  SELECTION_RULES_INCONSISTENT: (p: { problem: string }) => `Règles non modifiées : ${p.problem}.`,
  SELECTION_CHANNEL_ONLY: () =>
    "Tapez **sélection canal** dans le canal d'équipe qui doit recevoir la carte des résultats (en mentionnant le bot), pas dans une conversation privée.",
  POLLING_PLACE_NOT_FOUND: (p: { value: string; edition: number; known: string }) =>
    `Je ne trouve aucun bureau de vote « ${p.value} » pour l'édition ${p.edition}. Bureaux enregistrés : ${p.known || "aucun"}. Tapez **dépouillement bureaux** pour la liste.`,
  POLLING_PLACE_EXISTS: (p: { name: string; edition: number }) =>
    `Le bureau de vote « ${p.name} » existe déjà pour l'édition ${p.edition}. Tapez **dépouillement bureaux** pour la liste.`,
  COMMUNE_NOT_FOUND: (p: { value: string }) =>
    `Je ne connais pas la commune « ${p.value} ». Écrivez son nom comme sur la liste des communes des Landes (accents et majuscules facultatifs).`,
  CANTON_NOT_FOUND: (p: { value: string }) =>
    `Je ne connais pas le canton « ${p.value} » : c'est l'un des 15 cantons des Landes (par exemple Dax-1, Seignanx).`,
  TALLY_INVALID: (p: { place: string; problems: string }) =>
    `Saisie du bureau « ${p.place} » non enregistrée :\n${p.problems}\nRien n'a été écrit : corrigez puis renvoyez toute la saisie.`,
  TALLY_AGENT_REQUIRED: () =>
    "Une saisie de dépouillement doit être rattachée à un agent enregistré (identifiant Azure AD) : demandez à un administrateur de vous ajouter.",
  TALLY_PLACE_VALIDATED: (p: { place: string }) =>
    `Le bureau « ${p.place} » est déjà validé (deux saisies concordantes) : aucune nouvelle saisie n'est acceptée. Un administrateur peut le rouvrir : **dépouillement rouvrir ${p.place} "raison"**.`,
  TALLY_EDITION_PUBLISHED: (p: { edition: number }) =>
    `Les résultats de l'édition ${p.edition} sont publiés : le dépouillement est clos, plus aucune saisie ni réouverture.`,
  POLLING_PLACE_NOT_VALIDATED: (p: { place: string }) =>
    `Le bureau « ${p.place} » n'est pas validé : il n'y a rien à rouvrir. Chaque agent peut remplacer sa propre saisie en la renvoyant.`,
  REOPEN_REASON_REQUIRED: () =>
    `Indiquez la raison de la réouverture, par exemple : **dépouillement rouvrir Mairie de Dax "erreur de report"**.`,
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
