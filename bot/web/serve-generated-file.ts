import type restify from "restify";
import { loadAgreementDocument } from "../../domain/agreements/load-agreement-document.ts";
import type { Config } from "../../domain/config/load-config.ts";
import { type FileTokenPayload, readFileToken } from "../../domain/links/file-token.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { findAstrePayments } from "../../domain/payments/find-astre-payments.ts";
import { astreFileName, writeAstreCsv } from "../../domain/payments/write-astre-csv.ts";
import type { Db } from "../../prisma/create-db.ts";
import { buildConventionDocx } from "../../templates/documents/convention.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Serves a convention document or an Astre export when the token is one of theirs
 * (genuine and unexpired), regenerated from PostgreSQL; returns false otherwise so the
 * `/files/*` route goes on with the rapport de suivi and its refusals.
 */
export async function serveGeneratedFile(
  token: string,
  res: restify.Response,
  deps: { db: Db; config: Config; logger: Logger; now: () => Date },
  refuse: (status: number, title: string, text: string) => void,
): Promise<boolean> {
  const payload = readFileToken(deps.config.BPC40_SECRET, token, deps.now());
  if (!payload) return false;
  if (payload === "expired") {
    refuse(
      410,
      "Lien expiré",
      "Ce lien de téléchargement a expiré. Dans Teams, tapez de nouveau <strong>convention</strong> ou <strong>export astre</strong> pour en obtenir un nouveau ; si vous êtes porteur de projet, demandez-le au service Démocratie participative.",
    );
    return true;
  }
  try {
    await send(payload, res, deps, refuse);
  } catch (error) {
    deps.logger.error({ err: error, kind: payload.kind }, "file download failed");
    refuse(500, "Fichier indisponible", "Le fichier n'a pas pu être produit. Réessayez dans un instant.");
  }
  return true;
}

async function send(
  payload: FileTokenPayload,
  res: restify.Response,
  deps: { db: Db; config: Config },
  refuse: (status: number, title: string, text: string) => void,
): Promise<void> {
  let file: Buffer;
  let name: string;
  let type: string;
  if (payload.kind === "agreement") {
    const data = await loadAgreementDocument(deps.db, payload.agreementId);
    if (!data) {
      refuse(404, "Convention introuvable", "Cette convention n'existe plus.");
      return;
    }
    file = await buildConventionDocx(data);
    name = `convention-${data.agreementReference}.docx`;
    type = DOCX;
  } else {
    const selection = "edition" in payload ? { edition: payload.edition } : { from: payload.from, to: payload.to };
    file = writeAstreCsv(await findAstrePayments(deps.db, selection), deps.config.ASTRE_IMPUTATION);
    name = astreFileName(selection);
    type = "text/csv; charset=utf-8";
  }
  res.setHeader("content-type", type);
  res.setHeader("content-disposition", `attachment; filename="${name}"`);
  res.setHeader("cache-control", "private, no-store");
  res.sendRaw(200, file);
}
