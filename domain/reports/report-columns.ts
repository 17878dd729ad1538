import { holderKindLabels } from "../projects/holder-kind-labels.ts";
import { projectStatusLabels } from "../projects/status-labels.ts";
import type { MonitoringRow } from "./build-monitoring-report.ts";

/** How a column is written: money in cents (euros in the files), instants shown as Paris days. */
export type ColumnKind = "text" | "integer" | "money" | "date" | "yesNo";

type ValueOf<K extends ColumnKind> = K extends "money" | "integer"
  ? number | null
  : K extends "date"
    ? Date | null
    : K extends "yesNo"
      ? boolean
      : string | null;

export interface ReportColumn<K extends ColumnKind = ColumnKind> {
  header: string;
  kind: K;
  /** Width in characters in the workbook. */
  width: number;
  value(row: MonitoringRow): ValueOf<K>;
}

const column = <K extends ColumnKind>(
  header: string,
  kind: K,
  width: number,
  value: (row: MonitoringRow) => ValueOf<K>,
): ReportColumn => ({ header, kind, width, value }) as ReportColumn;

/**
 * The follow-up columns of the rapport de suivi, in the order the agents' Excel had
 * them; the workbook and the CSV are both written from this one list, so they never
 * disagree.
 */
export const reportColumns: readonly ReportColumn[] = [
  column("Référence", "text", 11, (r) => r.reference),
  column("Édition", "integer", 8, (r) => r.editionYear),
  column("Titre", "text", 42, (r) => r.title),
  column("Thème", "text", 26, (r) => r.theme),
  column("Commune", "text", 22, (r) => r.commune),
  column("Canton", "text", 22, (r) => r.canton),
  column("Projet jeune", "yesNo", 8, (r) => r.isYouth),
  column("Porteur", "text", 30, (r) => r.holderName),
  column("Type de porteur", "text", 13, (r) => holderKindLabels[r.holderKind]),
  column("Statut", "text", 19, (r) => projectStatusLabels[r.status]),
  column("Votes", "integer", 8, (r) => r.votes),
  column("Montant attribué", "money", 15, (r) => r.awardedCents),
  column("Montant conventionné", "money", 15, (r) => r.agreementCents),
  column("Versé", "money", 15, (r) => r.paidCents),
  column("Justifié", "money", 15, (r) => r.justifiedCents),
  column("Reste à verser", "money", 15, (r) => r.remainingCents),
  column("Convention envoyée le", "date", 12, (r) => r.agreementSentAt),
  column("Convention signée le", "date", 12, (r) => r.agreementSignedAt),
  column("Dernier versement le", "date", 12, (r) => r.lastPaymentAt),
  column("Inauguration le", "date", 12, (r) => r.inauguratedAt),
  column("Bilan n+1 attendu le", "date", 12, (r) => r.reportDueAt),
  column("Bilan n+1 reçu le", "date", 12, (r) => r.reportReceivedAt),
  column("En retard", "yesNo", 9, (r) => r.late),
];

/** `oui` / `non`, as the agents write it in their sheets. */
export function yesNo(value: boolean): string {
  return value ? "oui" : "non";
}
