import type { BotDeps } from "./command.ts";
import { routeCommand } from "./route-command.ts";

/**
 * Starts the loads of the command a message routes to (`Command.prefetch`), so a card
 * read from PostgreSQL overlaps the turn's sync round trip instead of following it. A
 * guess only: the turn routes the text again, after the sync and the role check.
 */
export function prefetchCommand(text: string, deps: BotDeps): void {
  const route = routeCommand(text);
  route.command.prefetch?.(route.args, deps);
}

/** True when the message routes to a command that only reads (`Command.readsOnly`). */
export function readsOnly(text: string): boolean {
  return routeCommand(text).command.readsOnly === true;
}
