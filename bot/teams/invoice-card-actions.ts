import { hasRole } from "../../domain/agents/has-role.ts";
import { dateOnly } from "../../domain/dates/paris-time.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { dayText, editionStart } from "../../domain/invoices/invoice-check-rules.ts";
import { invoiceOutcomeLabels } from "../../domain/invoices/invoice-outcome-labels.ts";
import { recordInvoiceCheck } from "../../domain/invoices/record-invoice-check.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { parseEuros } from "../../domain/money/parse-euros.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { CheckOutcome } from "../../prisma/generated/enums.ts";
import { buildInvoiceFormCard, type InvoiceFormField } from "../cards/invoice-form-card.ts";
import { buildProjectCard } from "../cards/project-card.ts";
import { cardAnswer, cardMessage } from "./card-action-answers.ts";
import type { InvokeAnswer, InvokeContext } from "./invoke-handler.ts";

type CardAction = (context: InvokeContext, data: Record<string, unknown>) => Promise<InvokeAnswer>;

const REFUSED =
  "Désolé, enregistrer un contrôle de facture est réservé aux agents et aux administrateurs (rôle **agent** au moins). Si vous en avez besoin, demandez à un administrateur.";
const NO_PROJECT = "Cette action ne désigne aucun projet valide (référence attendue, par exemple 2022-017).";
const FIELDS: InvoiceFormField[] = [
  "supplier",
  "number",
  "invoiceDate",
  "amount",
  "eligible",
  "outcome",
  "missingItems",
  "comment",
];

/** Which form field a domain refusal belongs next to (the others go on top of the form). */
const fieldOfError: Partial<Record<string, InvoiceFormField>> = {
  INVOICE_ELIGIBLE_OVER_AMOUNT: "eligible",
  INVOICE_DATE_IN_FUTURE: "invoiceDate",
  INVOICE_DATE_BEFORE_EDITION: "invoiceDate",
  INVOICE_DUPLICATE: "number",
  INVOICE_CANCELLED: "number",
};

const iso = (day: Date) => day.toISOString().slice(0, 10);

async function formProject(context: InvokeContext, data: Record<string, unknown>) {
  const reference = typeof data.reference === "string" ? normalizeReference(data.reference) : null;
  if (!reference) return null;
  const project = await context.deps.db.project.findUnique({
    where: { reference },
    select: { reference: true, title: true, edition: { select: { year: true, voteStartsAt: true } } },
  });
  if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference });
  const now = context.deps.now();
  return {
    reference: project.reference,
    title: project.title,
    minDate: iso(editionStart(project.edition)),
    maxDate: iso(dateOnly(now)),
  };
}

/** `invoice.form`: the empty « contrôle de facture » form for the project (agents only). */
export async function openInvoiceForm(context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> {
  if (!hasRole(context.user.role, "AGENT")) return cardMessage(REFUSED);
  const project = await formProject(context, data);
  if (!project) return cardMessage(NO_PROJECT);
  return cardAnswer(buildInvoiceFormCard(project));
}

/**
 * The `invoice.save` card action. `handledVerbs` gives the verbs of `cardActions` for the
 * project card shown after a save (passed in to avoid an import cycle).
 */
export function saveInvoiceCheck(handledVerbs: () => string[]): CardAction {
  /**
   * `invoice.save`: validates every input on the server (the card's own checks run only
   * in the client), records the check, and answers with the project card and its
   * refreshed totals; on a refusal, the form again with what was typed and the French
   * messages next to their fields. Nothing is written on a refusal.
   */
  async function save(context: InvokeContext, data: Record<string, unknown>): Promise<InvokeAnswer> {
    if (!hasRole(context.user.role, "AGENT")) return cardMessage(REFUSED);
    const project = await formProject(context, data);
    if (!project) return cardMessage(NO_PROJECT);
    const values = Object.fromEntries(
      FIELDS.map((field) => [field, typeof data[field] === "string" ? (data[field] as string) : ""]),
    ) as Record<InvoiceFormField, string>;
    const errors: Partial<Record<InvoiceFormField, string>> = {};
    const supplier = values.supplier.trim();
    if (!supplier) errors.supplier = "Indiquez le fournisseur.";
    const number = values.number.trim();
    if (!number) errors.number = "Indiquez le numéro de la facture.";
    else if (/\s/u.test(number)) errors.number = "Le numéro de facture s'écrit sans espace (par exemple F-2291).";
    const invoiceDate = /^\d{4}-\d{2}-\d{2}$/u.test(values.invoiceDate)
      ? new Date(`${values.invoiceDate}T00:00:00Z`)
      : null;
    if (!invoiceDate || Number.isNaN(invoiceDate.getTime()) || iso(invoiceDate) !== values.invoiceDate) {
      errors.invoiceDate = "Indiquez la date de la facture (jj/mm/aaaa).";
    }
    const amount = parseEuros(values.amount);
    if (!amount.ok) errors.amount = capitalize(`${amount.reason}.`);
    const eligible = parseEuros(values.eligible, { allowZero: true });
    if (!eligible.ok) errors.eligible = capitalize(`${eligible.reason}.`);
    const outcome = (Object.values(CheckOutcome) as string[]).includes(values.outcome)
      ? (values.outcome as CheckOutcome)
      : null;
    if (!outcome) errors.outcome = "Choisissez conforme, non conforme ou à compléter.";
    const again = (formError?: string) =>
      cardAnswer(buildInvoiceFormCard({ ...project, values, errors, ...(formError ? { formError } : {}) }));
    if (Object.keys(errors).length > 0 || !invoiceDate || !amount.ok || !eligible.ok || !outcome) {
      return again("Contrôle non enregistré : corrigez les champs signalés.");
    }
    const now = context.deps.now();
    try {
      const result = await recordInvoiceCheck(context.deps.db, {
        reference: project.reference,
        supplier,
        number,
        invoiceDate,
        amountCents: amount.cents,
        eligibleCents: eligible.cents,
        outcome,
        comment: values.comment,
        missingItems: values.missingItems.split(/\r?\n/u),
        actor: context.user,
        now,
      });
      if (result.notificationIds.length > 0) {
        try {
          await context.deps.outbox.enqueue(result.notificationIds);
        } catch (error) {
          context.logger.warn({ err: error }, "outbox enqueue failed; the sweep will queue them");
        }
      }
      const card = buildProjectCard(result.project, { now, handledVerbs: handledVerbs() });
      const notice = [
        `Contrôle n° ${result.checkId} enregistré : facture ${number} de ${supplier} du ${dayText(invoiceDate)}, ${formatEuros(amount.cents)} dont ${formatEuros(eligible.cents)} éligibles, ${invoiceOutcomeLabels[outcome]}.`,
        ...(result.notificationIds.length > 0 ? ["Le porteur recevra un e-mail listant ce qui manque."] : []),
      ].join(" ");
      card.body = [{ type: "TextBlock", text: notice, color: "good", wrap: true }, ...(card.body as unknown[])];
      return cardAnswer(card);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === "PROJECT_NOT_FOUND") throw error;
      const field = fieldOfError[error.code];
      if (field) {
        errors[field] = error.frenchMessage;
        return again();
      }
      return again(error.frenchMessage);
    }
  }

  return save;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}
