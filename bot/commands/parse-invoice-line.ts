import { dateOnly } from "../../domain/dates/paris-time.ts";
import { parseEuros } from "../../domain/money/parse-euros.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { CheckOutcome } from "../../prisma/generated/enums.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A new check typed on one line. */
export interface InvoiceLine {
  reference: string;
  supplier: string;
  number: string;
  invoiceDate: Date;
  amountCents: number;
  eligibleCents: number;
  outcome: CheckOutcome;
  comment: string;
}

/** A correction: only what was typed. */
export interface InvoiceEditLine {
  checkId: number;
  supplier?: string;
  number?: string;
  invoiceDate?: Date;
  amountCents?: number;
  eligibleCents?: number;
  outcome?: CheckOutcome;
  comment?: string;
}

export interface InvoiceCancelLine {
  reference?: string;
  number: string;
  reason: string;
}

/** The grammar, shown by `aide facture` (kept beside the parser so both change together). */
export const INVOICE_LINE_GRAMMAR = [
  '**facture <référence> <fournisseur> <n° de facture> <montant> [du jj/mm/aaaa] [éligible <montant>] <issue> ["commentaire"]**',
  '- exemple : **facture 2022-017 Décathlon F-2291 1 234,50 € éligible 1 100 € conforme "vélos et casques"**',
  "- **fournisseur** : un ou plusieurs mots, jusqu'au numéro de facture, premier mot qui contient un chiffre (un fournisseur dont le nom contient un chiffre s'enregistre par la carte du projet : **statut 2022-017**, bouton « Enregistrer un contrôle de facture ») ;",
  "- **montants** à la française : `1 234,50`, `1234,5 €`, `1.234,50`, `1234.5` (deux décimales au plus, 10 000 000 € au plus) ;",
  "- **date** facultative : `du 12/03/2026` (aujourd'hui sinon), ni future ni antérieure au début de l'édition ;",
  "- **éligible** facultatif : tout le montant pour une facture conforme, 0 sinon ; jamais plus que le montant ;",
  "- **issue** : `conforme`, `non conforme` ou `à compléter` (accents facultatifs) ; « à compléter » envoie un e-mail au porteur avec ce qui manque : le commentaire, un élément par `;` ;",
  '- **commentaire** entre guillemets (`"…"` ou `« … »`).',
  "**facture modifier <n° de contrôle> …** : corrige un contrôle (un nouveau contrôle remplace l'ancien, qui reste dans l'historique) ; ne tapez que ce qui change : `montant 1 300 €`, `du 14/03/2026`, `éligible 1 200 €`, l'issue, le commentaire, ou `<fournisseur> <n°> <montant>` pour corriger la facture elle-même.",
  '**facture annuler [<référence>] <n° de facture> "raison"** : annule une facture (elle ne compte plus dans le justifié).',
].join("\n");

const QUOTED = /"([^"]*)"|«\s*([^»]*?)\s*»|“([^”]*)”/u;

/** Splits off the quoted comment; returns the rest and the comment (undefined when none). */
function takeComment(text: string): { rest: string; comment: string | undefined; errors: string[] } {
  const match = QUOTED.exec(text);
  if (!match) {
    const errors = /["«“]/u.test(text) ? ["guillemet non fermé : le commentaire s'écrit entre guillemets"] : [];
    return { rest: text, comment: undefined, errors };
  }
  const comment = (match[1] ?? match[2] ?? match[3] ?? "").trim();
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  const errors = QUOTED.test(rest) ? ["un seul commentaire entre guillemets"] : [];
  return { rest, comment, errors };
}

function tokens(text: string): string[] {
  return text.split(/[\s\u00a0\u202f]+/u).filter(Boolean);
}

type Keyword = "date" | "eligible" | "amount" | "outcome";

/** The keyword starting at `i` and how many tokens it takes, or null. */
function keywordAt(
  words: string[],
  i: number,
  allowAmount: boolean,
): { kind: Keyword; outcome?: CheckOutcome; size: number } | null {
  const w = normalizeKey(words[i] ?? "");
  const next = normalizeKey(words[i + 1] ?? "");
  if (w === "du" || w === "date") return { kind: "date", size: 1 };
  if (w === "eligible" || w === "eligible:" || w === "elig.") return { kind: "eligible", size: 1 };
  if (allowAmount && (w === "montant" || w === "montant:")) return { kind: "amount", size: 1 };
  if (w === "conforme") return { kind: "outcome", outcome: "COMPLIANT", size: 1 };
  if (w === "non" && next === "conforme") return { kind: "outcome", outcome: "NON_COMPLIANT", size: 2 };
  if (w === "non-conforme") return { kind: "outcome", outcome: "NON_COMPLIANT", size: 1 };
  if ((w === "a" || w === "à") && next === "completer") return { kind: "outcome", outcome: "INCOMPLETE", size: 2 };
  if (w === "a-completer" || w === "incomplete" || w === "incomplet")
    return { kind: "outcome", outcome: "INCOMPLETE", size: 1 };
  return null;
}

/** `12/03/2026`, `12/03/26`, `12-03-2026`, `12.03.2026` → midnight UTC of that day, or null. */
export function parseFrenchDay(text: string): Date | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/u.exec(text.trim());
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

interface Fields {
  supplier?: string;
  number?: string;
  amountCents?: number;
  invoiceDate?: Date;
  eligibleCents?: number;
  outcome?: CheckOutcome;
}

/**
 * Reads `[<fournisseur…> <n°> <montant>] [du <date>] [éligible <montant>] [montant <montant>] [<issue>]`
 * from the words; `head` says whether the supplier/number/amount block is required, optional or absent.
 */
function readFields(words: string[], head: "required" | "optional", allowAmountKeyword: boolean): Parsed<Fields> {
  const fields: Fields = {};
  const errors: string[] = [];
  let i = 0;
  if (head === "required" || (words.length > 0 && !keywordAt(words, 0, allowAmountKeyword))) {
    const supplierWords: string[] = [];
    while (i < words.length && !/\d/u.test(words[i]!)) supplierWords.push(words[i++]!);
    if (supplierWords.length === 0) errors.push("fournisseur manquant (les mots avant le numéro de facture)");
    else fields.supplier = supplierWords.join(" ");
    if (i >= words.length || !/\d/u.test(words[i]!)) {
      errors.push("numéro de facture manquant (le premier mot qui contient un chiffre, par exemple F-2291)");
      return { ok: false, errors };
    }
    fields.number = words[i++]!;
    const amountWords: string[] = [];
    while (i < words.length && !keywordAt(words, i, allowAmountKeyword)) amountWords.push(words[i++]!);
    const amount = parseEuros(amountWords.join(" "));
    if (amount.ok) fields.amountCents = amount.cents;
    else errors.push(`montant de la facture : ${amount.reason}`);
  }
  while (i < words.length) {
    const keyword = keywordAt(words, i, allowAmountKeyword);
    if (!keyword) {
      errors.push(`je ne comprends pas « ${words.slice(i).join(" ")} »`);
      break;
    }
    i += keyword.size;
    if (keyword.kind === "outcome") {
      if (fields.outcome) errors.push("une seule issue : conforme, non conforme ou à compléter");
      fields.outcome = keyword.outcome;
      continue;
    }
    const valueWords: string[] = [];
    while (i < words.length && !keywordAt(words, i, allowAmountKeyword)) valueWords.push(words[i++]!);
    const value = valueWords.join(" ");
    if (keyword.kind === "date") {
      const day = parseFrenchDay(value);
      if (day) fields.invoiceDate = day;
      else errors.push(`date « ${value} » illisible : écrivez-la jj/mm/aaaa, par exemple 12/03/2026`);
    } else {
      const amount = parseEuros(value, { allowZero: keyword.kind === "eligible" });
      const label = keyword.kind === "eligible" ? "montant éligible" : "montant de la facture";
      if (!amount.ok) errors.push(`${label} : ${amount.reason}`);
      else if (keyword.kind === "eligible") fields.eligibleCents = amount.cents;
      else fields.amountCents = amount.cents;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: fields };
}

/**
 * Reads a one-line invoice check (see `INVOICE_LINE_GRAMMAR`): the reference, the
 * supplier's words up to the invoice number (the first word containing a digit), the
 * amount, then in any order `du <date>` (today by default, Paris day), `éligible
 * <montant>` (the whole amount for conforme, 0 otherwise) and the outcome; the comment
 * in quotes anywhere. Every problem is listed, in French.
 */
export function parseInvoiceLine(text: string, now: Date): Parsed<InvoiceLine> {
  const { rest, comment, errors } = takeComment(text);
  const words = tokens(rest);
  const reference = normalizeReference(words[0] ?? "");
  if (!reference) {
    return {
      ok: false,
      errors: [
        `référence de projet attendue en premier (par exemple 2022-017)${words[0] ? `, pas « ${words[0]} »` : ""}`,
        ...errors,
      ],
    };
  }
  const read = readFields(words.slice(1), "required", false);
  if (!read.ok) errors.push(...read.errors);
  const fields = read.ok ? read.value : {};
  if (read.ok && !fields.outcome) errors.push("issue manquante : conforme, non conforme ou à compléter");
  if (errors.length > 0 || !fields.outcome || fields.amountCents === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      reference,
      supplier: fields.supplier ?? "",
      number: fields.number ?? "",
      invoiceDate: fields.invoiceDate ?? dateOnly(now),
      amountCents: fields.amountCents,
      eligibleCents: fields.eligibleCents ?? (fields.outcome === "COMPLIANT" ? fields.amountCents : 0),
      outcome: fields.outcome,
      comment: comment ?? "",
    },
  };
}

/** Reads `<n° de contrôle> …` after `facture modifier`: only the fields typed. */
export function parseInvoiceEditLine(text: string): Parsed<InvoiceEditLine> {
  const { rest, comment, errors } = takeComment(text);
  const words = tokens(rest);
  const id = /^(?:n°|no|#)?(\d{1,9})$/iu.exec(words[0] ?? "");
  if (!id)
    return {
      ok: false,
      errors: [
        "numéro de contrôle attendu après « facture modifier » (il figure dans la réponse qui l'a enregistré)",
        ...errors,
      ],
    };
  const read = readFields(words.slice(1), "optional", true);
  if (!read.ok) errors.push(...read.errors);
  if (errors.length > 0 || !read.ok) return { ok: false, errors };
  const value: InvoiceEditLine = {
    checkId: Number(id[1]),
    ...read.value,
    ...(comment === undefined ? {} : { comment }),
  };
  if (Object.keys(value).length === 1)
    return {
      ok: false,
      errors: ["rien à modifier : tapez ce qui change (montant, date, éligible, issue, commentaire)"],
    };
  return { ok: true, value };
}

/** Reads `[<référence>] <n° de facture> "raison"` after `facture annuler`. */
export function parseInvoiceCancelLine(text: string): Parsed<InvoiceCancelLine> {
  const { rest, comment, errors } = takeComment(text);
  const words = tokens(rest);
  const reference = words.length === 2 ? normalizeReference(words[0]!) : null;
  if (words.length === 2 && !reference)
    errors.push(`« ${words[0]} » n'est pas une référence de projet (par exemple 2022-017)`);
  if (words.length === 0 || words.length > 2)
    errors.push("un numéro de facture attendu, précédé au besoin de la référence du projet");
  if (!comment) errors.push('raison de l\'annulation manquante, entre guillemets, par exemple "avoir reçu"');
  if (errors.length > 0 || !comment) return { ok: false, errors };
  const number = words.at(-1)!;
  return { ok: true, value: { ...(reference ? { reference } : {}), number, reason: comment } };
}
