import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type restify from "restify";
import { agentRoleLabels } from "../../domain/agents/role-labels.ts";
import type { Config } from "../../domain/config/load-config.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { importSpreadsheet } from "../../domain/import/import-spreadsheet.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { getProjectDetail } from "../../domain/projects/get-project-detail.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { buildDashboard } from "../../domain/reports/build-dashboard.ts";
import type { Db } from "../../prisma/create-db.ts";
import { authenticateTab, type TabUser } from "./authenticate-tab.ts";
import { dashboardJson } from "./dashboard-json.ts";
import { HttpRefusal } from "./http-refusal.ts";
import { projectJson } from "./project-json.ts";
import { readRawBody } from "./read-raw-body.ts";
import { createTabTokenVerifier, type TabTokenVerifier } from "./verify-tab-token.ts";

/** Largest spreadsheet the tab accepts: the server's general body limit (256 Kio) is too small for an .xlsx. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The tab's static files, by the name the pages ask for; nothing else is served. */
const assets: Record<string, { path: string; type: string }> = {
  "teams-js.js": {
    path: here("../../node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js"),
    type: "text/javascript",
  },
  "tab-client.js": { path: here("tab-client.js"), type: "text/javascript" },
  "charts.js": { path: here("charts.js"), type: "text/javascript" },
  "import-form.js": { path: here("import-form.js"), type: "text/javascript" },
  "dashboard.js": { path: here("dashboard.js"), type: "text/javascript" },
  "project.js": { path: here("project.js"), type: "text/javascript" },
  "dashboard.css": { path: here("dashboard.css"), type: "text/css" },
};

export interface TabDeps {
  config: Config;
  db: Db;
  logger: Logger;
  now: () => Date;
  /** Test seam; by default Azure AD's (or TAB_SSO_OPENID_METADATA_URL's) keys. */
  verify?: TabTokenVerifier;
}

/**
 * The Teams personal tab (`/tab`, declared in the manifest): the dashboard page, a page
 * per project (`/tab/projets/<reference>`), their scripts, and the JSON API under
 * `/tab/api/` the pages call with their Teams SSO token (`authenticateTab`).
 */
export function registerTabRoutes(server: restify.Server, deps: TabDeps) {
  const auth = { ...deps, verify: deps.verify ?? createTabTokenVerifier(deps.config) };
  const sendFile = async (res: restify.Response, path: string, type: string) => {
    res.setHeader("content-type", `${type}; charset=utf-8`);
    res.setHeader("cache-control", "no-cache");
    res.sendRaw(200, await readFile(path));
  };

  // Restify warns (and logs the whole response) when an async handler returns a value: none does.
  server.get("/tab", async (_req, res) => {
    await sendFile(res, here("index.html"), "text/html");
  });
  server.get("/tab/projets/:reference", async (_req, res) => {
    await sendFile(res, here("project.html"), "text/html");
  });
  server.get("/tab/assets/:file", async (req, res) => {
    const asset = assets[String(req.params.file)];
    if (asset) await sendFile(res, asset.path, asset.type);
    else res.send(404, { error: "Fichier introuvable." });
  });

  /** Runs `handler` for an authenticated user with at least `role`, answering French JSON. */
  const answer = async (
    req: restify.Request,
    required: "READER" | "ADMIN",
    handler: (req: restify.Request, user: TabUser) => Promise<unknown>,
  ): Promise<[number, unknown]> => {
    try {
      const check = await authenticateTab(auth, req.headers.authorization);
      if (!check.ok) return [check.status, { error: check.error }];
      if (required === "ADMIN" && check.user.role !== "ADMIN") {
        return [403, { error: "Réservé aux administrateurs du BPC40." }];
      }
      return [200, await handler(req, check.user)];
    } catch (error) {
      if (error instanceof HttpRefusal) return [error.status, { error: error.message }];
      if (error instanceof DomainError) {
        return [error.code.endsWith("NOT_FOUND") ? 404 : 400, { error: error.frenchMessage }];
      }
      deps.logger.error({ err: error }, "tab api failed");
      return [500, { error: "Le tableau de bord n'a pas pu être calculé. Réessayez dans un instant." }];
    }
  };
  const api =
    (required: "READER" | "ADMIN", handler: (req: restify.Request, user: TabUser) => Promise<unknown>) =>
    async (req: restify.Request, res: restify.Response) => {
      const [status, body] = await answer(req, required, handler);
      res.setHeader("cache-control", "private, no-store");
      res.send(status, body);
    };

  server.get(
    "/tab/api/me",
    api("READER", async (_req, user) => ({
      ...user,
      roleLabel: agentRoleLabels[user.role],
      canImport: user.role === "ADMIN",
    })),
  );

  server.get(
    "/tab/api/dashboard",
    api("READER", async (req) => {
      const query = new URL(req.url ?? "", "http://tab").searchParams;
      const editionText = query.get("edition");
      const editionYear = editionText ? Number(editionText) : await latestEdition(deps.db);
      if (!Number.isInteger(editionYear))
        throw new HttpRefusal(400, "Édition invalide : une année est attendue (ex. 2022).");
      const jeunes = query.get("jeunes");
      const dashboard = await buildDashboard(
        deps.db,
        {
          editionYear,
          canton: query.get("canton") || undefined,
          theme: query.get("theme") || undefined,
          youth: jeunes === "1" ? true : jeunes === "0" ? false : undefined,
        },
        deps.now(),
      );
      return dashboardJson(dashboard);
    }),
  );

  server.get(
    "/tab/api/projects/:reference",
    api("READER", async (req) => {
      const reference = normalizeReference(String(req.params.reference)) ?? String(req.params.reference);
      const now = deps.now();
      return projectJson(await getProjectDetail(deps.db, reference, now), now);
    }),
  );

  // Raw body (application/octet-stream): restify's body reader leaves it to us, so the
  // spreadsheet gets its own limit rather than the server's 256 Kio.
  server.post(
    "/tab/api/import",
    api("ADMIN", async (req) => {
      const query = new URL(req.url ?? "", "http://tab").searchParams;
      const fileName = query.get("fichier") ?? "";
      if (!/\.(xlsx|csv)$/i.test(fileName)) throw new HttpRefusal(400, "Choisissez un fichier .xlsx ou .csv.");
      const bytes = await readRawBody(req, MAX_IMPORT_BYTES);
      const outcome = await importSpreadsheet(deps.db, {
        fileName,
        bytes,
        apply: query.get("appliquer") === "1",
        skipInvalid: query.get("ignorer") === "1",
        now: deps.now(),
      });
      return { mode: outcome.mode, report: outcome.report, counts: outcome.counts };
    }),
  );
}

async function latestEdition(db: Db): Promise<number> {
  const edition = await db.edition.findFirst({ select: { year: true }, orderBy: { year: "desc" } });
  if (!edition) throw new HttpRefusal(404, "Aucune édition en base : chargez les données (npm run seed ou import).");
  return edition.year;
}
