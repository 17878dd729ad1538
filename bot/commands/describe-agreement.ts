import { agreementStatusLabels } from "../../domain/agreements/agreement-transitions.ts";
import type { AgreementView } from "../../domain/agreements/agreement-view.ts";
import { formatDate } from "../../domain/dates/format-date.ts";
import { amountInWords } from "../../domain/money/amount-in-words.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { advanceCents } from "../../domain/payments/advance-cents.ts";

/** The convention in a few Markdown lines, with its 24-hour download link. */
export function describeAgreement(head: string, agreement: AgreementView, documentUrl: string): string {
  const advance = advanceCents(agreement.amountCents, agreement.advanceShareBp);
  const dates = [
    agreement.sentAt && `envoyée le ${formatDate(agreement.sentAt)}`,
    agreement.holderSignedAt && `signée par le porteur le ${formatDate(agreement.holderSignedAt)}`,
    agreement.departmentSignedAt && `signée par le Département le ${formatDate(agreement.departmentSignedAt)}`,
  ].filter(Boolean);
  return [
    head,
    `Projet ${agreement.projectReference} « ${agreement.projectTitle} »`,
    `- État : ${agreementStatusLabels[agreement.status]}${dates.length ? ` (${dates.join(", ")})` : ""}`,
    `- Montant : ${formatEuros(agreement.amountCents)} (${amountInWords(agreement.amountCents)})`,
    `- Acompte après signature : ${formatEuros(advance)} ; solde sur justificatifs : ${formatEuros(agreement.amountCents - advance)}`,
    `[Télécharger la convention (Word)](${documentUrl}) — lien valable 24 heures.`,
  ].join("\n\n");
}
