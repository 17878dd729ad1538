import type { CloudAdapter, ConversationReference } from "botbuilder";
import type { Logger } from "../../domain/log/create-logger.ts";
import type { Reply } from "../commands/command.ts";
import { toActivity } from "./bpc40-bot.ts";

export type ProactiveResult = "sent" | "gone";

export interface ProactiveSender {
  /** Sends one message into a stored conversation; "gone" when the bot was removed from it (403/404). */
  send(reference: Record<string, unknown>, reply: Reply): Promise<ProactiveResult>;
}

export interface ProactiveOptions {
  adapter: CloudAdapter;
  appId: string | undefined;
  logger: Logger;
  /** Messages a second for the whole app (Teams allows 50 per app per tenant; stay well below). */
  perSecond?: number;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRIABLE = new Set([412, 429, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Proactive messages within Teams' limits: paced for the whole process (the digest
 * runs in one job at a time), 429 honoured with its Retry-After, 412/502/503/504
 * retried with exponential backoff. A message is late rather than lost.
 */
export function createProactiveSender(options: ProactiveOptions): ProactiveSender {
  const { adapter, logger, perSecond = 10, maxAttempts = 6 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const interval = Math.ceil(1000 / perSecond);
  let nextSlot = 0;
  const pace = async () => {
    const now = Date.now();
    const wait = Math.max(0, nextSlot - now);
    nextSlot = Math.max(now, nextSlot) + interval;
    if (wait > 0) await sleep(wait);
  };

  return {
    async send(reference, reply) {
      for (let attempt = 1; ; attempt++) {
        await pace();
        try {
          // The adapter hands errors inside the turn to onTurnError (which would tell the
          // user "une erreur…"): catch them here so they reach the retry logic instead.
          let failure: unknown = null;
          await adapter.continueConversationAsync(
            options.appId ?? "",
            reference as Partial<ConversationReference>,
            async (context) => {
              try {
                await context.sendActivity(toActivity(reply));
              } catch (error) {
                failure = error ?? new Error("envoi proactif en échec");
              }
            },
          );
          if (failure) throw failure;
          return "sent";
        } catch (error) {
          const status = statusOf(error);
          if (status === 403 || status === 404) return "gone";
          if (status === undefined || !RETRIABLE.has(status) || attempt >= maxAttempts) throw error;
          const delay = status === 429 ? (retryAfterMs(error) ?? 1000 * 2 ** attempt) : 500 * 2 ** attempt;
          logger.warn({ status, attempt, delay }, "Teams a refusé le message proactif, nouvel essai");
          await sleep(Math.min(delay, MAX_RETRY_AFTER_MS));
        }
      }
    },
  };
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; response?: { status?: number } };
  return e.statusCode ?? e.response?.status;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: unknown } }).response?.headers as
    | { get?: (name: string) => string | undefined | null; [key: string]: unknown }
    | undefined;
  const raw = typeof headers?.get === "function" ? headers.get("retry-after") : (headers?.["retry-after"] as string);
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
