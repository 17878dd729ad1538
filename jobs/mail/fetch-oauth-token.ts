export interface OAuthToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** OAuth2 client-credentials grant (Azure AD v2 endpoint), for SMTP XOAUTH2. */
export async function fetchClientCredentialsToken(options: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}): Promise<OAuthToken> {
  const response = await fetch(options.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: options.scope,
    }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) {
    throw new Error(`jeton OAuth2 refusé par ${new URL(options.tokenUrl).host} (HTTP ${response.status})`);
  }
  const body = (await response.json()) as { access_token?: string; expires_in?: number };
  if (!body.access_token) throw new Error("réponse OAuth2 sans access_token");
  return { accessToken: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
}
