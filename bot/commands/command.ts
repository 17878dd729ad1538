import type { Config } from "../../domain/config/load-config.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import type { Db } from "../../prisma/create-db.ts";
import type { BotReads } from "../cache/bot-reads.ts";
import type { TurnUser } from "../teams/resolve-user.ts";

/** What the bot's commands depend on, built once in `bot/main.ts`. */
export interface BotDeps {
  config: Config;
  db: Db;
  logger: Logger;
  /** The current instant; tests set it. */
  now: () => Date;
  /** Hands committed outbox rows to the e-mail queue (the sweep would find them anyway). */
  outbox: OutboxQueue;
  /** What turns read from memory, kept consistent with PostgreSQL (`bot/cache/bot-reads.ts`). */
  reads: BotReads;
}

export interface OutboxQueue {
  enqueue(notificationIds: number[]): Promise<void>;
  /** Puts failed notifications back to be sent; returns those actually retried. */
  retry(notificationIds: number[]): Promise<number[]>;
}

/** The small view of a Teams turn that commands see (no botbuilder types here). */
export interface CommandContext {
  /** The words after the trigger, as typed. */
  args: string;
  user: TurnUser;
  deps: BotDeps;
  logger: Logger;
  /** The Teams conversation the message came from (`veille canal` remembers a channel). */
  conversation?: { id: string; type: string | undefined };
}

/** A command's answer: Markdown text, or an Adaptive Card with a text fallback. */
export type Reply = { text: string } | { card: Record<string, unknown>; summary: string };

export interface Command {
  name: string;
  /** Folded (lower case, no accent) first words that select the command. */
  triggers: string[];
  /** One line for `aide`. */
  help: string;
  /** Detailed help shown by `aide <command>` (Markdown), when the one line is not enough. */
  details?: string;
  /** The least role allowed to run it (roles are nested); READER when absent. Checked by `runCommand`. */
  requires?: "READER" | "AGENT" | "ADMIN";
  /** Longest message the command reads (a pasted tally is long); `MAX_TEXT_LENGTH` when absent. */
  maxTextLength?: number;
  handle(context: CommandContext): Promise<Reply>;
  /**
   * Starts, as the message arrives and before the turn's sync and role check, the loads
   * `handle` will need, through the read caches' `prefetch` only (never a kept value).
   */
  prefetch?(args: string, deps: BotDeps): void;
  /**
   * True when `handle` only reads (the read caches, PostgreSQL) and writes nothing: the
   * turn then answers while its sync round trip is on its way, and answers again if a
   * change was heard meanwhile (see `Bpc40Bot`). Never set it on a command that writes.
   */
  readsOnly?: true;
}
