import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../domain/config/load-config.ts";
import { fetchClientCredentialsToken } from "./fetch-oauth-token.ts";

/**
 * The pooled SMTP transport. At most `SMTP_MAX_CONNECTIONS` connections (Exchange
 * Online allows 3 per mailbox). With the SMTP_OAUTH_* variables it logs in with
 * XOAUTH2, getting tokens by the client-credentials grant (password login to
 * Exchange Online is being retired).
 */
export function createTransport(config: Config, smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const oauth = config.SMTP_OAUTH_USER && config.SMTP_OAUTH_CLIENT_ID && config.SMTP_OAUTH_CLIENT_SECRET;
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: config.SMTP_MAX_CONNECTIONS,
    maxMessages: 100,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    ignoreTLS: url.searchParams.get("ignoreTLS") === "true",
    tls: { rejectUnauthorized: url.searchParams.get("rejectUnauthorized") !== "false" },
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    ...(oauth
      ? { auth: { type: "OAuth2" as const, user: config.SMTP_OAUTH_USER } }
      : url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
  });
  if (oauth) {
    const tokenUrl =
      config.SMTP_OAUTH_TOKEN_URL ??
      `https://login.microsoftonline.com/${config.SMTP_OAUTH_TENANT_ID ?? "organizations"}/oauth2/v2.0/token`;
    transport.set(
      "oauth2_provision_cb",
      (_user: string, _renew: boolean, callback: (e: Error | null, t?: string, x?: number) => void) => {
        fetchClientCredentialsToken({
          tokenUrl,
          clientId: config.SMTP_OAUTH_CLIENT_ID!,
          clientSecret: config.SMTP_OAUTH_CLIENT_SECRET!,
          scope: "https://outlook.office365.com/.default",
        }).then(
          (token) => callback(null, token.accessToken, token.expiresAt),
          (error: Error) => callback(error),
        );
      },
    );
  }
  return transport;
}
