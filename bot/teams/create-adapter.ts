import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from "botbuilder";
import type { Config } from "../../domain/config/load-config.ts";
import type { Logger } from "../../domain/log/create-logger.ts";

export const TURN_ERROR_MESSAGE =
  "Désolé, une erreur inattendue m'empêche de répondre. L'équipe technique a été prévenue ; réessayez dans un instant.";

/**
 * The Bot Framework adapter. With credentials (single-tenant app id, password, tenant)
 * every request is authenticated; without them it runs in local mode and accepts
 * unauthenticated activities, as the Emulator and our local chat client need.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const credentials = config.localMode
    ? {}
    : {
        MicrosoftAppId: config.MICROSOFT_APP_ID,
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
        MicrosoftAppType: config.MICROSOFT_APP_TYPE,
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      };
  const auth = new ConfigurationBotFrameworkAuthentication(
    credentials,
    new ConfigurationServiceClientCredentialFactory(credentials),
  );
  const adapter = new CloudAdapter(auth);
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
