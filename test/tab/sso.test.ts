import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { APP_ID, LocalTokenService, type TokenClaims } from "../support/local-token-service.ts";
import { loopbackOnly } from "../support/loopback-only.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { TENANT_ID } from "../support/teams-activity.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
/** The manifest's webApplicationInfo.resource for this PUBLIC_BASE_URL. */
const RESOURCE = `api://bpc40.example.org/${APP_ID}`;
const READER_OID = randomUUID();
const ADMIN_OID = randomUUID();
const RETIRED_OID = randomUUID();

const network = loopbackOnly();
let schema: FreshSchema;
let tokens: LocalTokenService;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("tab_sso");
  await seed(schema.db, { now: NOW });
  await schema.db.agent.createMany({
    data: [
      { aadObjectId: READER_OID, name: "Lucie Lectrice", role: "READER" },
      { aadObjectId: ADMIN_OID, name: "Alain Admin", role: "ADMIN" },
      { aadObjectId: RETIRED_OID, name: "Rémi Retraité", role: "AGENT", active: false },
    ],
  });
  tokens = await new LocalTokenService().start();
  const config = tokens.config({
    DATABASE_SCHEMA: schema.schema,
    PUBLIC_BASE_URL: "https://bpc40.example.org",
    TAB_SSO_OPENID_METADATA_URL: tokens.metadataUrl,
  });
  bot = await startBot(config, schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await tokens?.stop();
  await schema?.drop();
  network.restore();
});

/** A Teams SSO token as Azure AD issues it for the tab (v2: issuer of the metadata). */
const ssoToken = (claims: TokenClaims = {}) =>
  tokens.sign({ aud: RESOURCE, tid: TENANT_ID, oid: READER_OID, name: "Lucie L.", ...claims });

async function call(path: string, token?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(`${bot.url}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the tab's API behind Teams SSO (tokens signed locally)", () => {
  it("accepts a good token and answers with the agent's data", async () => {
    const me = await call("/tab/api/me", ssoToken());
    expect(me).toEqual({
      status: 200,
      body: { name: "Lucie Lectrice", role: "READER", roleLabel: "lecteur", canImport: false },
    });
    const dashboard = await call("/tab/api/dashboard?edition=2022", ssoToken());
    expect(dashboard.status).toBe(200);
    expect((dashboard.body.all as { count: number }).count).toBe(45);
    const project = await call("/tab/api/projects/2022-17", ssoToken());
    expect(project.status).toBe(200);
    expect(project.body.reference).toBe("2022-017");
  });

  it("accepts the app id itself as audience, and knows admins", async () => {
    const me = await call("/tab/api/me", ssoToken({ aud: APP_ID, oid: ADMIN_OID }));
    expect(me.body).toMatchObject({ role: "ADMIN", canImport: true });
  });

  it("refuses the import to a reader", async () => {
    const refused = await call("/tab/api/import?fichier=suivi.csv", ssoToken(), {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: "Référence;Titre\r\n",
    });
    expect(refused).toEqual({ status: 403, body: { error: "Réservé aux administrateurs du BPC40." } });
  });

  it("takes an admin's spreadsheet up to 5 MB, sent as is", async () => {
    const admin = ssoToken({ oid: ADMIN_OID });
    const post = (body: Blob | string, type = "application/octet-stream") =>
      call("/tab/api/import?fichier=suivi.csv", admin, { method: "POST", headers: { "content-type": type }, body });
    const dryRun = await post("Référence;Titre;Porteur\r\n2025-040;Un titre;Quelqu'un\r\n");
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.mode).toBe("refused");
    expect(String(dryRun.body.report)).toContain("Colonnes obligatoires absentes");
    expect(await post(new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]))).toEqual({
      status: 413,
      body: { error: "Fichier trop volumineux (5 Mo au plus)." },
    });
    expect((await post("a;b", "text/plain")).status).toBe(415);
  });

  it("refuses a token for another audience", async () => {
    const refused = await call("/tab/api/me", ssoToken({ aud: "api://ailleurs.example.org/autre-app" }));
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("Votre jeton Teams n'est pas valide ou a expiré : rechargez l'onglet.");
  });

  it("refuses a token from another tenant", async () => {
    expect((await call("/tab/api/me", ssoToken({ tid: randomUUID() }))).status).toBe(401);
  });

  it("refuses an expired token", async () => {
    expect((await call("/tab/api/me", ssoToken({ expiresIn: -3600 }))).status).toBe(401);
  });

  it("refuses a token signed by another key", async () => {
    const forged = tokens.sign(
      { aud: RESOURCE, tid: TENANT_ID, oid: ADMIN_OID },
      generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
    );
    expect((await call("/tab/api/me", forged)).status).toBe(401);
  });

  it("refuses someone who is not an agent, or no longer one, in French", async () => {
    for (const oid of [randomUUID(), RETIRED_OID]) {
      const refused = await call("/tab/api/dashboard", ssoToken({ oid }));
      expect(refused.status).toBe(403);
      expect(String(refused.body.error)).toMatch(/^Vous n'êtes pas enregistré comme agent du budget participatif/);
    }
  });

  it("answers 401 without a token outside local mode, while the page itself loads", async () => {
    expect(await call("/tab/api/dashboard")).toEqual({
      status: 401,
      body: { error: "Connexion Teams requise : ouvrez le tableau de bord depuis l'onglet BPC40 dans Teams." },
    });
    const page = await fetch(`${bot.url}/tab`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="fr">');
    const teamsJs = await fetch(`${bot.url}/tab/assets/teams-js.js`);
    expect(teamsJs.headers.get("content-type")).toContain("text/javascript");
    expect(await teamsJs.text()).toContain("microsoftTeams");
    expect((await fetch(`${bot.url}/tab/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it("reached nothing outside loopback", () => {
    expect(network.outsideHosts).toEqual([]);
  });
});
