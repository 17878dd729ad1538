import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ConfigurationServiceClientCredentialFactory } from "botbuilder";
import type { CredentialsFactory } from "../../bot/teams/create-adapter.ts";
import type { Config } from "../../domain/config/load-config.ts";
import { TENANT_ID } from "./teams-activity.ts";
import { testConfig } from "./test-config.ts";

export const APP_ID = "11111111-2222-4333-8444-555555555555";

export interface TokenClaims {
  aud?: string;
  serviceurl?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  [claim: string]: unknown;
}

/**
 * A local stand-in for the Bot Framework token service, on loopback: it publishes an
 * OpenID configuration and a JWKS (one RSA key, endorsed for msteams, like the real one)
 * and signs RS256 tokens, so the adapter's real JWT validation runs without network.
 */
export class LocalTokenService {
  private server: Server | null = null;
  private readonly kid = randomUUID();
  private readonly keys = generateKeyPairSync("rsa", { modulusLength: 2048 });

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo | null)?.port}`;
  }
  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }
  /** Distinct from the public issuer, so a pass proves the override is used. */
  get issuer(): string {
    return `${this.url}/issuer`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const body =
        req.url === "/v1/.well-known/openidconfiguration"
          ? { issuer: this.issuer, jwks_uri: `${this.url}/v1/keys`, id_token_signing_alg_values_supported: ["RS256"] }
          : req.url === "/v1/keys"
            ? {
                keys: [
                  {
                    ...this.keys.publicKey.export({ format: "jwk" }),
                    kid: this.kid,
                    use: "sig",
                    alg: "RS256",
                    endorsements: ["msteams"],
                  },
                ],
              }
            : null;
      res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(body ?? { error: "not found" }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A token as the Bot Framework channel service signs it (issuer, audience = app id, service URL). */
  sign({ expiresIn = 3600, ...claims }: TokenClaims, key: KeyObject = this.keys.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: this.kid };
    const payload = { iss: this.issuer, aud: APP_ID, nbf: now - 60, iat: now - 60, exp: now + expiresIn, ...claims };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
    const unsigned = `${encode(header)}.${encode(payload)}`;
    const signature = createSign("RSA-SHA256").update(unsigned).sign(key).toString("base64url");
    return `${unsigned}.${signature}`;
  }

  /** The Authorization header Teams would send with this activity. */
  authorize(activity: Record<string, unknown>, claims: TokenClaims = {}): Record<string, string> {
    return { authorization: `Bearer ${this.sign({ serviceurl: String(activity.serviceUrl), ...claims })}` };
  }

  /** A bot configuration with credentials whose inbound tokens are checked against this service. */
  config(overrides: Record<string, string> = {}): Config {
    return testConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      BOT_OPENID_METADATA_URL: this.metadataUrl,
      BOT_TOKEN_ISSUER: this.issuer,
      ...overrides,
    });
  }

  /**
   * The production credentials factory (it decides which app ids are ours) except for
   * outgoing tokens, which it would fetch from login.microsoftonline.com: here they are
   * signed locally, so replies reach the connector stand-in without leaving loopback.
   */
  outgoingCredentials(config: Config): CredentialsFactory {
    const sign = () => this.sign({ aud: "https://api.botframework.com" });
    return new (class extends ConfigurationServiceClientCredentialFactory {
      override async createCredentials() {
        return {
          async signRequest<R extends { headers: { set(name: string, value: string): void } }>(request: R) {
            request.headers.set("authorization", `Bearer ${sign()}`);
            return request;
          },
        };
      }
    })({
      MicrosoftAppId: config.MICROSOFT_APP_ID,
      MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
      MicrosoftAppType: config.MICROSOFT_APP_TYPE,
      MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
    });
  }
}
