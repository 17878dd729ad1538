import type { Config } from "../../domain/config/load-config.ts";
import type { ReportFormat } from "../../domain/reports/report-file-name.ts";
import { signReportToken } from "../../domain/reports/report-token.ts";

/** Where the bot's own pages are reached from a browser: PUBLIC_BASE_URL, or this machine. */
export function publicBaseUrl(config: Config): string {
  return (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
}

/** Signed, expiring download links (`/files/:token`) for the rapport de suivi, one per format. */
export function reportDownloadLinks(
  config: Config,
  request: { edition: number | null; by: string },
  now: Date,
): Record<ReportFormat, string> {
  const link = (format: ReportFormat) =>
    `${publicBaseUrl(config)}/files/${signReportToken(config.BPC40_SECRET, { ...request, format }, now)}`;
  return { xlsx: link("xlsx"), csv: link("csv") };
}
