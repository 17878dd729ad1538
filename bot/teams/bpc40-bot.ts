import { ActivityTypes, type InvokeResponse, TeamsActivityHandler, TurnContext } from "botbuilder";
import { forgetConversationReference } from "../../domain/conversations/forget-conversation-reference.ts";
import { lazyChild } from "../../domain/log/lazy-child.ts";
import type { BotDeps } from "../commands/command.ts";
import { prefetchCommand, readsOnly } from "../commands/prefetch-command.ts";
import { runCommand } from "../commands/run-command.ts";
import { unhandledInvoke } from "./invoke-handler.ts";
import { invokeHandlers } from "./invoke-handlers.ts";
import { isAddressedToBot } from "./is-addressed-to-bot.ts";
import { activityTenants, isFromAllowedTenant } from "./is-from-allowed-tenant.ts";
import { rememberConversation } from "./remember-conversation.ts";
import { resolveUser, type TurnUser } from "./resolve-user.ts";
import { toActivity } from "./to-activity.ts";
import { unknownUserInvoke } from "./unknown-user-invoke.ts";
import { welcomeOnInstall, welcomeOnMembersAdded } from "./welcome.ts";
import { TYPING_DELAY_MS, withTyping } from "./with-typing.ts";

export { toActivity };

export interface BotOptions {
  /** Show the typing indicator when an answer takes longer than this; null: never. Default 300 ms. */
  typingDelayMs?: number | null;
}

/** Activities from a person in a conversation: the turn gets a user and the conversation is remembered. */
const CONVERSATIONAL = new Set<string>([
  ActivityTypes.Message,
  ActivityTypes.ConversationUpdate,
  ActivityTypes.InstallationUpdate,
  ActivityTypes.Invoke,
]);

interface TurnFacts {
  user: TurnUser;
  /** True when this turn recorded the conversation for the first time. */
  firstContact: boolean;
}
const TURN_FACTS = Symbol("bpc40.turnFacts");
const SYNCED = Symbol("bpc40.readsSynced");
const SPECULATION = Symbol("bpc40.speculation");
const STORING = Symbol("bpc40.conversationStoring");

/** A message answered before its sync returned: kept if no change was heard in between. */
interface Speculation {
  synced: Promise<boolean>;
  /** `BotReads.changes()` when the turn started reading. */
  changes: number;
}

/**
 * The Teams activity handler: the only place where a turn becomes our small
 * contexts (`CommandContext`, `InvokeContext`). Commands never see botbuilder types.
 */
export class Bpc40Bot extends TeamsActivityHandler {
  constructor(
    private readonly deps: BotDeps,
    private readonly options: BotOptions = {},
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      if (context.activity.action === "add") await welcomeOnInstall(context, (await this.facts(context)).firstContact);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await welcomeOnMembersAdded(context, (await this.facts(context)).firstContact);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      if (context.activity.action === "remove")
        await forgetConversationReference(deps.db, context.activity.conversation.id);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botRemoved = context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient?.id);
      if (botRemoved) await forgetConversationReference(deps.db, context.activity.conversation.id);
      await next();
    });
  }

  /**
   * Starts the read caches' sync as a request arrives (`server.ts`), so its round trip to
   * PostgreSQL overlaps the adapter's own work; `runSynced` then waits for it.
   */
  syncReads(): Promise<boolean> {
    return this.deps.reads.sync(this.deps.config.BOT_SYNC_WINDOW_MS);
  }

  /** `run`, with the sync started when the turn's request arrived. */
  runSynced(context: TurnContext, synced: Promise<boolean>): Promise<void> {
    context.turnState.set(SYNCED, synced);
    return this.run(context);
  }

  /**
   * Before any handler: activities of another tenant are dropped (see
   * `isFromAllowedTenant`), then the speaker is resolved once and the conversation
   * reference saved (at most one write).
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Local mode authenticates nothing, so a tenant there proves nothing: checked with credentials only.
    const { localMode, MICROSOFT_APP_TENANT_ID } = this.deps.config;
    if (!localMode && !isFromAllowedTenant(activity, MICROSOFT_APP_TENANT_ID)) {
      await this.refuseOtherTenant(context);
      return;
    }
    if (CONVERSATIONAL.has(activity.type)) {
      const synced = (context.turnState.get(SYNCED) as Promise<boolean> | undefined) ?? this.syncReads();
      const text = activity.type === ActivityTypes.Message ? stripMentions(activity.text ?? "") : null;
      if (text !== null) prefetchCommand(text, this.deps);
      const reading = text !== null && readsOnly(text);
      if (reading) {
        // Answered from memory while the sync is on its way; checked before the reply leaves (answerMessage).
        context.turnState.set(SPECULATION, { synced, changes: this.deps.reads.changes() } satisfies Speculation);
      } else {
        // Every change committed before this turn reaches the read caches first (see ChangeFeed.sync).
        await synced;
      }
      await this.settleFacts(context, reading);
    }
    await super.onTurnActivity(context);
    // A message left unanswered (a channel message without a mention) still has its facts checked.
    await this.staleSpeculation(context);
    await this.conversationStored(context);
  }

  /**
   * The speaker, resolved once per turn, and the conversation reference saved (at most one
   * write). A message that only reads does not wait for that write (the first message of a
   * conversation would wait for a commit): it is answered meanwhile, and the turn ends once
   * the write is done (`conversationStored`). Welcomes and commands that write wait for it.
   */
  private async settleFacts(context: TurnContext, reading = false): Promise<void> {
    const activity = context.activity;
    const user = await resolveUser(this.deps, activity.from);
    const saving = rememberConversation(this.deps, activity, user);
    if (reading) {
      // Handled at once: a failure must not surface as an unhandled rejection while the answer is made.
      const logged = saving.then(
        () => undefined,
        (error: unknown) =>
          this.turnLogger(context).warn(
            { err: error },
            "conversation reference not saved; saved again at the next message",
          ),
      );
      context.turnState.set(STORING, logged);
      context.turnState.set(TURN_FACTS, { user, firstContact: false } satisfies TurnFacts);
      return;
    }
    const saved = await saving;
    context.turnState.set(TURN_FACTS, { user, firstContact: saved === "created" } satisfies TurnFacts);
  }

  /**
   * Waits for a conversation reference saved alongside the answer. A failure is logged, not
   * thrown (see `settleFacts`): the answer has left, and the next message saves the
   * reference again (the read cache keeps it only once stored).
   */
  private async conversationStored(context: TurnContext): Promise<void> {
    const storing = context.turnState.get(STORING) as Promise<void> | undefined;
    context.turnState.delete(STORING);
    await storing;
  }

  /**
   * Waits for the sync of a turn that started answering before it returned; true when a
   * change was heard meanwhile (or changes could not be heard): what was read may be stale,
   * so the speaker is resolved again and the answer made again.
   */
  private async staleSpeculation(context: TurnContext): Promise<boolean> {
    const speculation = context.turnState.get(SPECULATION) as Speculation | undefined;
    if (!speculation) return false;
    context.turnState.delete(SPECULATION);
    const current = await speculation.synced;
    if (current && this.deps.reads.changes() === speculation.changes) return false;
    await this.settleFacts(context);
    return true;
  }

  private async facts(context: TurnContext): Promise<TurnFacts> {
    const known = context.turnState.get(TURN_FACTS) as TurnFacts | undefined;
    return known ?? { user: await resolveUser(this.deps, context.activity.from), firstContact: false };
  }

  /**
   * No reply and no write: answering would post into another organisation's Teams. The
   * refusal is logged (tenant ids only); an invoke gets a 403 so its client stops waiting.
   */
  private async refuseOtherTenant(context: TurnContext): Promise<void> {
    const activity = context.activity;
    this.turnLogger(context).warn(
      { tenants: activityTenants(activity), type: activity.type },
      "activity from another tenant ignored",
    );
    if (activity.type === ActivityTypes.Invoke) {
      const value: InvokeResponse = { status: 403, body: { error: "Locataire Microsoft 365 non autorisé." } };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
    }
  }

  private turnLogger(context: TurnContext) {
    return lazyChild(this.deps.logger, {
      activityId: context.activity.id,
      conversationId: context.activity.conversation?.id,
    });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const logger = this.turnLogger(context);
    if (!isAddressedToBot(activity)) {
      logger.debug("channel message without a mention of the bot ignored");
      return;
    }
    const text = stripMentions(TurnContext.removeRecipientMention(activity) ?? activity.text ?? "");
    // A command that writes never starts before the sync (the text differs from the guess in onTurnActivity).
    if (!readsOnly(text)) await this.staleSpeculation(context);
    const answer = async () =>
      runCommand(text, {
        user: (await this.facts(context)).user,
        deps: this.deps,
        logger,
        conversation: { id: activity.conversation.id, type: activity.conversation.conversationType },
      });
    const delay = this.options.typingDelayMs === undefined ? TYPING_DELAY_MS : this.options.typingDelayMs;
    let reply = await withTyping(context, delay, logger, answer);
    if (await this.staleSpeculation(context)) reply = await answer();
    await context.sendActivity(toActivity(reply));
  }

  /** Every invoke is routed to our handlers and always gets an answer. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const activity = context.activity;
    const name = activity.name ?? "";
    const handler = invokeHandlers.find((h) => h.names.includes(name));
    if (!handler) return unhandledInvoke(name);
    const { user } = await this.facts(context);
    if (user.role === null) return unknownUserInvoke(name);
    const value = typeof activity.value === "object" && activity.value !== null ? activity.value : {};
    return handler.handle({
      name,
      value: value as Record<string, unknown>,
      user,
      conversation: { id: activity.conversation.id, type: activity.conversation.conversationType },
      deps: this.deps,
      logger: this.turnLogger(context),
      send: async (reply) => {
        await context.sendActivity(toActivity(reply));
      },
    });
  }
}

/** Removes `<at>…</at>` tags Teams leaves when the mention entity is missing or not ours. */
export function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, " ").trim();
}
