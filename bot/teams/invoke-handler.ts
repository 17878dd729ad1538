import type { Logger } from "../../domain/log/create-logger.ts";
import type { BotDeps, Reply } from "../commands/command.ts";
import type { TurnUser } from "./resolve-user.ts";

/** What an invoke handler sees: the invoke's name and value, never botbuilder types. */
export interface InvokeContext {
  name: string;
  value: Record<string, unknown>;
  user: TurnUser;
  conversation: { id: string; type: string | undefined };
  deps: BotDeps;
  logger: Logger;
  /** Sends a message in the conversation (e.g. a card inserted after an action). */
  send(reply: Reply): Promise<void>;
}

/** The HTTP answer to an invoke: Teams waits for it (about 5 s for message extensions). */
export interface InvokeAnswer {
  status: number;
  body?: unknown;
}

export interface InvokeHandler {
  /** The invoke names handled, e.g. `adaptiveCard/action`, `composeExtension/query`. */
  names: string[];
  handle(context: InvokeContext): Promise<InvokeAnswer>;
}

/** A valid answer for invokes nobody handles, so Teams never waits for a timeout. */
export function unhandledInvoke(name: string): InvokeAnswer {
  if (name === "adaptiveCard/action") {
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: "application/vnd.microsoft.activity.message",
        value: "Cette action n'est pas (ou plus) prise en charge.",
      },
    };
  }
  return { status: 200, body: {} };
}
