import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from "botbuilder";
import type { Config } from "../../domain/config/load-config.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { CachedClientsAuthentication } from "./cached-connector-clients.ts";

export const TURN_ERROR_MESSAGE =
  "Désolé, une erreur inattendue m'empêche de répondre. L'équipe technique a été prévenue ; réessayez dans un instant.";

/** How outgoing calls get their token; tests pass a local one (see `AdapterOptions`). */
export type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

export interface AdapterOptions {
  /** Replaces the password-based factory that asks login.microsoftonline.com for tokens (tests only). */
  credentialsFactory?: CredentialsFactory;
}

/**
 * botbuilder's public-cloud endpoints (`AuthenticationConstants` of botframework-connector
 * 4.23.3). Overriding any endpoint makes botbuilder take every endpoint from us, so the
 * ones not overridden are given their usual values.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromChannelOpenIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
  ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  CallerId: "urn:botframework:azure",
} as const;

/** The inbound-token endpoints from BOT_OPENID_METADATA_URL / BOT_TOKEN_ISSUER, if either is set. */
export function tokenEndpoints(config: Config): Partial<Record<keyof typeof PUBLIC_CLOUD, string>> {
  if (!config.BOT_OPENID_METADATA_URL && !config.BOT_TOKEN_ISSUER) return {};
  return {
    ...PUBLIC_CLOUD,
    ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: config.BOT_TOKEN_ISSUER ?? PUBLIC_CLOUD.ToBotFromChannelTokenIssuer,
  };
}

/**
 * The Bot Framework adapter. With credentials (single-tenant app id, password, tenant)
 * every request is authenticated; without them it runs in local mode and accepts
 * unauthenticated activities, as the Emulator and our local chat client need.
 */
export function createAdapter(config: Config, logger: Logger, options: AdapterOptions = {}): CloudAdapter {
  const credentials = config.localMode
    ? {}
    : {
        MicrosoftAppId: config.MICROSOFT_APP_ID,
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
        MicrosoftAppType: config.MICROSOFT_APP_TYPE,
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      };
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...credentials, ...(config.localMode ? {} : tokenEndpoints(config)) },
    options.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(credentials),
  );
  const adapter = new CloudAdapter(new CachedClientsAuthentication(auth));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      { err: error, activityId: context.activity.id, conversationId: context.activity.conversation?.id },
      "turn failed",
    );
    try {
      await context.sendActivity(TURN_ERROR_MESSAGE);
    } catch (sendError) {
      logger.error({ err: sendError }, "could not tell the user about the failed turn");
    }
  };
  return adapter;
}
