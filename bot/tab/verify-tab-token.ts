import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import type { Config } from "../../domain/config/load-config.ts";

/** Who a valid Teams SSO token speaks for. */
export interface TabIdentity {
  aadObjectId: string;
  name: string | undefined;
}

export type TabTokenCheck = { ok: true; identity: TabIdentity } | { ok: false; reason: string };

export type TabTokenVerifier = (token: string) => Promise<TabTokenCheck>;

/** Keys are fetched again after this long, or at once (at most every minute) for an unknown key id. */
const KEYS_TTL_MS = 60 * 60 * 1000;
const REFETCH_MIN_MS = 60 * 1000;
/** Azure AD's and the tab's clocks may differ slightly. */
const CLOCK_TOLERANCE_S = 300;

interface KeySet {
  issuer: string;
  keys: Map<string, KeyObject>;
  fetchedAt: number;
}

/**
 * Validates the token `microsoftTeams.authentication.getAuthToken()` hands the tab:
 * RS256 signature by a key of the tenant's OpenID metadata (`TAB_SSO_OPENID_METADATA_URL`,
 * else Azure AD's for MICROSOFT_APP_TENANT_ID), audience (the manifest's
 * `api://<host>/<app id>` or the app id), tenant (`tid`), issuer (v2.0 or v1 form) and
 * expiry. The signing keys are cached in memory: a cache, not state, so several bot
 * instances stay correct. Reasons are for the log, never shown to the user.
 */
export function createTabTokenVerifier(config: Config, clock: () => Date = () => new Date()): TabTokenVerifier {
  const tenant = config.MICROSOFT_APP_TENANT_ID ?? "";
  const appId = config.MICROSOFT_APP_ID ?? "";
  const metadataUrl =
    config.TAB_SSO_OPENID_METADATA_URL ??
    `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`;
  const audiences = [appId];
  if (config.PUBLIC_BASE_URL) audiences.push(`api://${new URL(config.PUBLIC_BASE_URL).host}/${appId}`);
  let cache: KeySet | null = null;
  let pending: Promise<KeySet> | null = null;

  const load = (): Promise<KeySet> => {
    pending ??= fetchKeySet(metadataUrl, clock).finally(() => {
      pending = null;
    });
    return pending;
  };

  const keyFor = async (kid: string): Promise<{ key: KeyObject; issuer: string } | null> => {
    const age = cache ? clock().getTime() - cache.fetchedAt : Number.POSITIVE_INFINITY;
    if (!cache || age > KEYS_TTL_MS || (!cache.keys.has(kid) && age > REFETCH_MIN_MS)) cache = await load();
    const key = cache.keys.get(kid);
    return key ? { key, issuer: cache.issuer } : null;
  };

  return async (token) => {
    if (!appId || !tenant) return { ok: false, reason: "tab SSO not configured" };
    const decoded = jwt.decode(token, { complete: true });
    const kid = decoded && typeof decoded.header.kid === "string" ? decoded.header.kid : null;
    if (!kid) return { ok: false, reason: "malformed token" };
    let found: Awaited<ReturnType<typeof keyFor>>;
    try {
      found = await keyFor(kid);
    } catch (error) {
      return { ok: false, reason: `signing keys unavailable: ${(error as Error).message}` };
    }
    if (!found) return { ok: false, reason: "unknown signing key" };
    try {
      const claims = jwt.verify(token, found.key, {
        algorithms: ["RS256"],
        audience: audiences as [string, ...string[]],
        issuer: [found.issuer, `https://sts.windows.net/${tenant}/`],
        clockTolerance: CLOCK_TOLERANCE_S,
        clockTimestamp: Math.floor(clock().getTime() / 1000),
      }) as jwt.JwtPayload;
      if (claims.tid !== tenant) return { ok: false, reason: "wrong tenant" };
      if (typeof claims.oid !== "string" || !claims.oid) return { ok: false, reason: "no oid claim" };
      return {
        ok: true,
        identity: { aadObjectId: claims.oid, name: typeof claims.name === "string" ? claims.name : undefined },
      };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  };
}

async function fetchKeySet(metadataUrl: string, clock: () => Date): Promise<KeySet> {
  const metadata = (await fetchJson(metadataUrl)) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof metadata.issuer !== "string" || typeof metadata.jwks_uri !== "string") {
    throw new Error("OpenID metadata without issuer or jwks_uri");
  }
  const jwks = (await fetchJson(metadata.jwks_uri)) as { keys?: (JsonWebKey & { kid?: string })[] };
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys ?? []) {
    if (jwk.kty !== "RSA" || !jwk.kid || (jwk.use && jwk.use !== "sig")) continue;
    keys.set(jwk.kid, createPublicKey({ key: jwk, format: "jwk" }));
  }
  return { issuer: metadata.issuer, keys, fetchedAt: clock().getTime() };
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
