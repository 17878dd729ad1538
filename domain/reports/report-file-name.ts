import { parisDayKey } from "../dates/paris-time.ts";

export type ReportFormat = "xlsx" | "csv";

/** MIME type of each download. */
export const reportMimeTypes: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/**
 * `rapport-suivi-2022-2026-11-28.xlsx` (`rapport-suivi-toutes-editions-…` for every
 * edition): the edition and the Paris day it was generated, so successive downloads sort
 * by date in the agents' folder. ASCII only, safe in a Content-Disposition header.
 */
export function reportFileName(editionYear: number | null, format: ReportFormat, now: Date): string {
  const edition = editionYear === null ? "toutes-editions" : String(editionYear);
  return `rapport-suivi-${edition}-${parisDayKey(now)}.${format}`;
}
