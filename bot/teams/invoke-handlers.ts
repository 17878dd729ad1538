import { cardActionHandler } from "./card-actions.ts";
import type { InvokeHandler } from "./invoke-handler.ts";
import { messageExtensionHandler } from "./message-extension.ts";

/**
 * Every invoke the bot answers. Each capability adds its handler here (one line);
 * anything else gets `unhandledInvoke`'s valid answer.
 */
export const invokeHandlers: InvokeHandler[] = [cardActionHandler, messageExtensionHandler];
