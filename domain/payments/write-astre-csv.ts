import { formatShortDate } from "../dates/format-date.ts";
import { defuseFormula, formatCentsForCsv, quoteField } from "../reports/write-report-csv.ts";
import type { AstrePayment } from "./find-astre-payments.ts";

export const astreColumns = [
  "Bénéficiaire",
  "SIRET",
  "Objet",
  "Montant",
  "Référence convention",
  "Imputation",
  "Date",
  "Mandat",
] as const;

const kindWords = { ADVANCE: "acompte", BALANCE: "solde" } as const;

/** `BPC40 2022-017 acompte Skatepark de Grenade-sur-l'Adour`: the payment's object as Astre shows it. */
export function astreObject(payment: Pick<AstrePayment, "projectReference" | "kind" | "projectTitle">): string {
  return `BPC40 ${payment.projectReference} ${kindWords[payment.kind]} ${payment.projectTitle}`;
}

/**
 * The payments as a CSV French Excel opens with a double click, one line per payment in
 * the order of the fields an agent types into Astre: `;`, UTF-8 with a BOM, CRLF,
 * amounts with a decimal comma (`14000,00`), dates `dd/mm/yyyy` (Paris day), the
 * budget line (`imputation`) from the configuration. Same encoding rules as the rapport
 * de suivi (`writeReportCsv`), including the defused formulas.
 */
export function writeAstreCsv(payments: AstrePayment[], imputation: string): Buffer {
  const text = (value: string | null) => (value ? quoteField(defuseFormula(value)) : "");
  const lines = [astreColumns.map((c) => quoteField(c)).join(";")];
  for (const p of payments) {
    lines.push(
      [
        text(p.holderName),
        text(p.siret),
        text(astreObject(p)),
        formatCentsForCsv(p.amountCents),
        text(p.agreementReference),
        text(imputation),
        p.date ? formatShortDate(p.date) : "",
        text(p.mandate),
      ].join(";"),
    );
  }
  return Buffer.from(`\uFEFF${lines.map((line) => `${line}\r\n`).join("")}`, "utf8");
}

/** `export-astre-2022.csv`, `export-astre-2026-03-01-au-2026-03-31.csv`: ASCII, safe in a header. */
export function astreFileName(selection: { edition: number } | { from: string; to: string }): string {
  return "edition" in selection
    ? `export-astre-${selection.edition}.csv`
    : `export-astre-${selection.from}-au-${selection.to}.csv`;
}
