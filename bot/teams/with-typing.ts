import { ActivityTypes, type TurnContext } from "botbuilder";
import type { Logger } from "../../domain/log/create-logger.ts";

/** How long an answer may take before the user sees "BPC40 is typing…". */
export const TYPING_DELAY_MS = 300;

/**
 * Runs `work` and, only if it is still running after `delayMs`, shows the typing
 * indicator: quick answers arrive without one, slow ones (searches, reports) do not look
 * ignored. The indicator is sent before the reply, never after. `delayMs` null: never; 0: always.
 */
export async function withTyping<T>(
  context: TurnContext,
  delayMs: number | null,
  logger: Logger,
  work: () => Promise<T>,
): Promise<T> {
  const pending: { typing?: Promise<void> } = {};
  const showTyping = () => {
    pending.typing = context.sendActivity({ type: ActivityTypes.Typing }).then(
      () => undefined,
      (error: unknown) => logger.warn({ err: error }, "typing indicator not sent"),
    );
  };
  // 0 means "always": shown at once, not after a timer an answer from memory would beat.
  if (delayMs === 0) showTyping();
  const timer = delayMs === null || delayMs === 0 ? null : setTimeout(showTyping, delayMs);
  try {
    return await work();
  } finally {
    if (timer) clearTimeout(timer);
    if (pending.typing) await pending.typing;
  }
}
