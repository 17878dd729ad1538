import { DomainError } from "../../domain/errors/domain-error.ts";
import { refusalFor } from "./check-access.ts";
import type { CommandContext, Reply } from "./command.ts";
import { routeCommand } from "./route-command.ts";

/** Longest text we read; beyond it the agent is asked to shorten (Teams itself caps near 28 KB). */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Routes a message to its command and renders refusals in French, in one place.
 * Unexpected errors are rethrown for the adapter's `onTurnError`.
 */
export async function runCommand(text: string, context: Omit<CommandContext, "args">): Promise<Reply> {
  if (!text.trim()) {
    return { text: "Je n'ai reçu aucun texte. Tapez **aide** pour voir ce que je sais faire." };
  }
  const route = routeCommand(text);
  const max = route.matched ? (route.command.maxTextLength ?? MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
  if (text.length > max) {
    return {
      text: `Votre message est trop long (${text.length.toLocaleString("fr-FR")} caractères, ${max.toLocaleString("fr-FR")} au plus). Raccourcissez-le ou tapez **aide**.`,
    };
  }
  const refusal = refusalFor(route.command, context.user, route.matched);
  if (refusal) return { text: refusal };
  const logger = context.logger.child({ command: route.command.name });
  try {
    // Unmatched text went to the project search, which says itself what it did not understand.
    return await route.command.handle({ ...context, logger, args: route.args });
  } catch (error) {
    if (error instanceof DomainError) return { text: error.frenchMessage };
    throw error;
  }
}
