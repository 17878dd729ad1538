import type { InvoiceCheckResult } from "../../domain/invoices/invoice-check-input.ts";
import { dayText } from "../../domain/invoices/invoice-check-rules.ts";
import { invoiceOutcomeLabels } from "../../domain/invoices/invoice-outcome-labels.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import type { ProjectAmounts } from "../../domain/projects/project-detail-view.ts";
import type { CheckOutcome } from "../../prisma/generated/enums.ts";

/** The check as the agent stated it, for the confirmation. */
export interface CheckSummary {
  supplier: string;
  number: string;
  invoiceDate: Date;
  amountCents: number;
  eligibleCents: number;
  outcome: CheckOutcome;
}

/** « Justifié : … · Déjà versé : … · Reste à verser : … (plafond …) », French amounts. */
export function totalsLine(amounts: ProjectAmounts): string {
  const ceiling =
    amounts.agreementCents === null
      ? `montant attribué ${formatEuros(amounts.awardedCents)}`
      : `convention ${formatEuros(amounts.agreementCents)}`;
  return `Justifié : **${formatEuros(amounts.justifiedCents)}** · Déjà versé : ${formatEuros(amounts.paidCents)} · Reste à verser : **${formatEuros(amounts.payableCents)}** (plafond : ${ceiling})`;
}

/** The Markdown answer to a recorded or corrected check: what was written, then the project's totals. */
export function invoiceCheckReply(
  verb: "enregistré" | "corrigé",
  check: CheckSummary,
  result: InvoiceCheckResult,
): string {
  const { project } = result;
  const lines = [
    `Contrôle n° ${result.checkId} ${verb} pour **${project.reference} · ${project.title}** : facture ${check.number} de ${check.supplier} du ${dayText(check.invoiceDate)}, ${formatEuros(check.amountCents)} dont ${formatEuros(check.eligibleCents)} éligibles, **${invoiceOutcomeLabels[check.outcome]}**.`,
    totalsLine(project.amounts),
  ];
  if (result.notificationIds.length > 0) {
    lines.push(`Le porteur (${project.holder.name}) recevra un e-mail listant ce qui manque.`);
  }
  lines.push(
    `Pour corriger : **facture modifier ${result.checkId} …** · pour annuler : **facture annuler ${project.reference} ${check.number} "raison"**.`,
  );
  return lines.join("\n\n");
}
