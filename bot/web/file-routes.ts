import type restify from "restify";
import type { Config } from "../../domain/config/load-config.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { buildMonitoringReport } from "../../domain/reports/build-monitoring-report.ts";
import { reportFileName, reportMimeTypes } from "../../domain/reports/report-file-name.ts";
import { readReportToken } from "../../domain/reports/report-token.ts";
import { writeReportCsv } from "../../domain/reports/write-report-csv.ts";
import { writeReportWorkbook } from "../../domain/reports/write-report-workbook.ts";
import type { Db } from "../../prisma/create-db.ts";
import { escapeHtml } from "../../templates/email/escape-html.ts";
import { htmlPage } from "./html-page.ts";
import { serveGeneratedFile } from "./serve-generated-file.ts";

const refusals = {
  malformed: [403, "Lien invalide", "Ce lien de téléchargement est incomplet. Copiez-le en entier depuis Teams."],
  forged: [403, "Lien invalide", "Ce lien de téléchargement n'est pas valide."],
  expired: [
    410,
    "Lien expiré",
    "Ce lien de téléchargement a expiré (il vaut 24 heures). Tapez de nouveau <strong>rapport</strong> dans Teams pour en obtenir un nouveau.",
  ],
} as const;

/**
 * `GET /files/:token`: the rapport de suivi the `rapport` card links to, regenerated
 * from PostgreSQL at each download (nothing is stored), if the signed token is genuine
 * and less than 24 hours old. A refusal is a small French page (403 forged, 410 expired).
 */
export function registerFileRoutes(
  server: restify.Server,
  deps: { db: Db; config: Config; logger: Logger; now: () => Date },
) {
  const page = (res: restify.Response, status: number, title: string, body: string) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.sendRaw(status, htmlPage(title, body));
  };

  // A wildcard rather than `:token`: restify's router answers 404 to a parameter longer
  // than 100 characters, and a signed token is longer.
  server.get("/files/*", async (req, res) => {
    const now = deps.now();
    const refuse = (status: number, title: string, text: string) => page(res, status, title, `<p>${text}</p>`);
    if (await serveGeneratedFile(String(req.params["*"] ?? ""), res, deps, refuse)) return;
    const check = readReportToken(deps.config.BPC40_SECRET, String(req.params["*"] ?? ""), now);
    if (!check.ok) {
      const [status, title, text] = refusals[check.reason];
      return page(res, status, title, `<p>${text}</p>`);
    }
    const { edition, format, by } = check.payload;
    try {
      const report = await buildMonitoringReport(deps.db, { editionYear: edition, now });
      const file = format === "xlsx" ? await writeReportWorkbook(report, { generatedBy: by }) : writeReportCsv(report);
      res.setHeader("content-type", reportMimeTypes[format]);
      res.setHeader("content-disposition", `attachment; filename="${reportFileName(edition, format, now)}"`);
      res.setHeader("cache-control", "private, no-store");
      res.sendRaw(200, file);
    } catch (error) {
      if (error instanceof DomainError)
        return page(res, 404, "Rapport introuvable", `<p>${escapeHtml(error.frenchMessage)}</p>`);
      deps.logger.error({ err: error }, "report download failed");
      page(res, 500, "Rapport indisponible", "<p>Le rapport n'a pas pu être produit. Réessayez dans un instant.</p>");
    }
  });
}
