import { invoiceOutcomeLabels } from "../../domain/invoices/invoice-outcome-labels.ts";
import type { CheckOutcome } from "../../prisma/generated/enums.ts";
import { CardVerbs } from "./card-verbs.ts";
import type { AdaptiveCard } from "./project-card.ts";

/** The ids of the form's inputs, which Teams merges into the action's data on submit. */
export type InvoiceFormField =
  | "supplier"
  | "number"
  | "invoiceDate"
  | "amount"
  | "eligible"
  | "outcome"
  | "missingItems"
  | "comment";

export interface InvoiceFormOptions {
  reference: string;
  title: string;
  /** `YYYY-MM-DD` bounds of the date picker: the edition's start and today (Paris). */
  minDate: string;
  maxDate: string;
  /** What the agent typed, shown again after a refusal. */
  values?: Partial<Record<InvoiceFormField, string>>;
  /** French messages shown under their field. */
  errors?: Partial<Record<InvoiceFormField, string>>;
  /** A message about the whole form (shown on top). */
  formError?: string;
}

const outcomes: CheckOutcome[] = ["COMPLIANT", "NON_COMPLIANT", "INCOMPLETE"];

/**
 * The « contrôle de facture » form as an Adaptive Card 1.5: supplier, number, date
 * (Input.Date), amount and eligible amount (Input.Text: French amounts such as
 * `1 234,50`, read by `parseEuros` on the server), outcome (Input.ChoiceSet), missing
 * items and comment; `Action.Execute` `invoice.save` with `{ reference }`. Card
 * validation is only a help for the agent: the server validates everything again and
 * answers with this card and the errors next to their fields.
 */
export function buildInvoiceFormCard(options: InvoiceFormOptions): AdaptiveCard {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const error = (field: InvoiceFormField) =>
    errors[field]
      ? [{ type: "TextBlock", text: errors[field], color: "attention", wrap: true, spacing: "None", size: "Small" }]
      : [];
  const text = (field: InvoiceFormField, label: string, extra: Record<string, unknown> = {}) => [
    {
      type: "Input.Text",
      id: field,
      label,
      ...(values[field] ? { value: values[field] } : {}),
      ...extra,
    },
    ...error(field),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: `Contrôle de facture · ${options.reference}`,
    body: [
      { type: "TextBlock", text: "Contrôle de facture", size: "Large", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        text: `${options.reference} · ${options.title}`,
        isSubtle: true,
        spacing: "None",
        wrap: true,
      },
      ...(options.formError ? [{ type: "TextBlock", text: options.formError, color: "attention", wrap: true }] : []),
      ...text("supplier", "Fournisseur", { isRequired: true, errorMessage: "Indiquez le fournisseur", maxLength: 200 }),
      ...text("number", "N° de facture", {
        isRequired: true,
        errorMessage: "Indiquez le numéro de la facture",
        maxLength: 60,
      }),
      {
        type: "Input.Date",
        id: "invoiceDate",
        label: "Date de la facture",
        value: values.invoiceDate ?? options.maxDate,
        min: options.minDate,
        max: options.maxDate,
        isRequired: true,
        errorMessage: "Indiquez la date de la facture",
      },
      ...error("invoiceDate"),
      ...text("amount", "Montant de la facture (€)", {
        placeholder: "1 234,50",
        isRequired: true,
        errorMessage: "Indiquez le montant",
      }),
      ...text("eligible", "Montant éligible (€)", {
        placeholder: "1 100",
        isRequired: true,
        errorMessage: "Indiquez le montant éligible (0 si rien)",
      }),
      {
        type: "Input.ChoiceSet",
        id: "outcome",
        label: "Issue du contrôle",
        style: "expanded",
        value: values.outcome ?? "COMPLIANT",
        isRequired: true,
        errorMessage: "Choisissez l'issue",
        choices: outcomes.map((outcome) => ({ title: capitalize(invoiceOutcomeLabels[outcome]), value: outcome })),
      },
      ...error("outcome"),
      ...text(
        "missingItems",
        "Éléments manquants (si « à compléter », un par ligne : le porteur les recevra par e-mail)",
        {
          isMultiline: true,
          maxLength: 2000,
        },
      ),
      ...text("comment", "Commentaire", { isMultiline: true, maxLength: 2000 }),
    ],
    actions: [
      {
        type: "Action.Execute",
        title: "Enregistrer le contrôle",
        verb: CardVerbs.invoiceSave,
        data: { reference: options.reference },
        style: "positive",
      },
      {
        type: "Action.Execute",
        title: "Retour à la fiche",
        verb: CardVerbs.refreshProject,
        data: { reference: options.reference },
        associatedInputs: "none",
      },
    ],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}
