import {
  buildTeamsActivity,
  LOCAL_AGENT,
  LOCAL_TENANT_ID,
  newConversationId,
  type TeamsActivityOptions,
} from "./build-teams-activity.ts";
import type { ChatOutput } from "./chat-output.ts";
import { ConnectorEndpoint, type ConnectorEvent } from "./connector-endpoint.ts";
import { inputsSentBy, planCardAction } from "./plan-card-action.ts";
import { ChatProblem, postToBot, unreachableMessage } from "./post-to-bot.ts";
import { type CardAction, type CardInput, type Json, readCard } from "./read-card.ts";
import { type RenderedActivity, renderActivity, renderInvokeAnswer } from "./render-activity.ts";
import { renderCard } from "./render-card.ts";
import { plainStyle, type TextStyle } from "./text-style.ts";

export interface ChatSessionOptions {
  /** The bot's messaging endpoint, e.g. `http://localhost:3978/api/messages`. */
  botUrl: string;
  style?: TextStyle;
  /** Replies are over once nothing arrived for this long after the bot's HTTP answer. */
  quietMs?: number;
  /** Longest wait for the bot's HTTP answer, and then for its replies. */
  timeoutMs?: number;
  /** Also show the raw JSON of what arrives. */
  raw?: boolean;
}

interface CurrentCard {
  card: Json;
  /** The message that carries the card (what actions reply to). */
  activityId: string | undefined;
  /** Shown in a dialog (task module): `Action.Submit` becomes `task/submit`. */
  inDialog: boolean;
  /** Inputs of the card a `Action.ShowCard` came from: they are submitted too. */
  parentInputs: CardInput[];
}

/**
 * One local conversation with the running bot over the Bot Framework protocol, as
 * Teams holds it: activities are POSTed to the bot with `serviceUrl` pointing at our
 * own connector endpoint, where the replies arrive. Each `send`/`runAction` resolves
 * with what came back once the bot has gone quiet; every output is also given to
 * `onOutput` listeners as it arrives (typing first, then the reply).
 */
export class ChatSession {
  raw: boolean;
  readonly botUrl: string;
  readonly conversationId = newConversationId();
  private readonly style: TextStyle;
  private readonly quietMs: number;
  private readonly timeoutMs: number;
  private readonly connector: ConnectorEndpoint;
  private listeners: Array<(output: ChatOutput) => void> = [];
  private collected: ChatOutput[] | null = null;
  private lastEventAt = 0;
  private current: CurrentCard | null = null;

  constructor(options: ChatSessionOptions) {
    this.botUrl = options.botUrl;
    this.style = options.style ?? plainStyle;
    this.quietMs = options.quietMs ?? 300;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.raw = options.raw ?? false;
    this.connector = new ConnectorEndpoint({
      conversationId: this.conversationId,
      member: { ...LOCAL_AGENT, tenantId: LOCAL_TENANT_ID, userRole: "user" },
    });
    this.connector.onEvent((event) => this.onConnectorEvent(event));
  }

  async start(): Promise<this> {
    await this.connector.start();
    return this;
  }

  async close(): Promise<void> {
    await this.connector.stop();
  }

  /** Where the bot sends its replies (our stand-in for the Bot Connector). */
  get serviceUrl(): string {
    return this.connector.url;
  }

  get unreachableMessage(): string {
    return unreachableMessage(this.botUrl);
  }

  onOutput(listener: (output: ChatOutput) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** True when anything answers HTTP at the bot's address (checked before reading input). */
  async isBotReachable(): Promise<boolean> {
    try {
      await fetch(new URL("/healthz", this.botUrl), { signal: AbortSignal.timeout(3_000) });
      return true;
    } catch {
      return false;
    }
  }

  /** Sends a message as the agent would type it in Teams. */
  send(text: string): Promise<ChatOutput[]> {
    return this.exchange(async () => {
      await this.post(this.activity({ type: "message", text }));
    });
  }

  /** The actions of the last card shown, numbered as on screen. */
  actions(): CardAction[] {
    return this.current ? readCard(this.current.card).actions : [];
  }

  /** The inputs action `number` submits, to ask the user for them first. */
  inputsFor(number: number): CardInput[] {
    const action = this.actions().find((a) => a.number === number);
    if (!action || !this.current) return [];
    return inputsSentBy(action, [...this.current.parentInputs, ...readCard(this.current.card).inputs]);
  }

  /** Runs action `number` of the last card; inputs not given keep the card's proposed value. */
  async runAction(number: number, values: Record<string, string> = {}): Promise<ChatOutput[]> {
    const current = this.current;
    const actions = this.actions();
    const action = actions.find((a) => a.number === number);
    if (!current || !action) {
      const why = !current
        ? "Aucune carte n'est affichée : il n'y a pas d'action à lancer."
        : `La dernière carte n'a pas d'action ${number} (${actions.length ? `de 1 à ${actions.length}` : "aucune action"}).`;
      return this.local({ kind: "notice", lines: [why] });
    }
    const filled = Object.fromEntries(this.inputsFor(number).map((i) => [i.id, values[i.id] ?? i.defaultValue]));
    const plan = planCardAction(action, filled, { inDialog: current.inDialog });
    const replyToId = current.activityId;
    switch (plan.kind) {
      case "open-url":
        return this.local({ kind: "notice", lines: [`Lien à ouvrir dans un navigateur : ${plan.url}`] });
      case "none":
        return this.local({ kind: "notice", lines: [plan.reason] });
      case "show-card":
        this.current = {
          ...current,
          card: plan.card,
          parentInputs: [...current.parentInputs, ...readCard(current.card).inputs],
        };
        return this.local({ kind: "card", label: action.title, lines: renderCard(plan.card, this.style) });
      case "message":
        return this.exchange(async () => {
          await this.post(this.activity({ type: "message", text: plan.text, value: plan.value, replyToId }));
        });
      case "invoke":
        return this.exchange(async () => {
          const body = await this.post(
            this.activity({ type: "invoke", name: plan.name, value: plan.value, replyToId }),
          );
          if (this.raw && body !== undefined) {
            this.emit({ kind: "raw", label: "réponse à l'action", lines: JSON.stringify(body, null, 2).split("\n") });
          }
          this.show(renderInvokeAnswer(body, this.style), replyToId, current);
        });
    }
  }

  private activity(options: Omit<TeamsActivityOptions, "serviceUrl" | "conversationId">): Json {
    return buildTeamsActivity({ ...options, serviceUrl: this.serviceUrl, conversationId: this.conversationId });
  }

  /** Posts to the bot, then waits until its replies stop arriving. */
  private async exchange(post: () => Promise<void>): Promise<ChatOutput[]> {
    const collected: ChatOutput[] = [];
    this.collected = collected;
    try {
      await post();
      await this.waitForQuiet();
      if (collected.length === 0) this.emit({ kind: "notice", lines: ["(le bot n'a rien répondu)"] });
    } catch (error) {
      if (!(error instanceof ChatProblem)) throw error;
      this.emit({ kind: "error", lines: [error.message] });
    } finally {
      this.collected = null;
    }
    return collected;
  }

  private async post(activity: Json): Promise<unknown> {
    const body = await postToBot(this.botUrl, activity, this.timeoutMs);
    this.lastEventAt = Date.now();
    return body;
  }

  private async waitForQuiet(): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const remaining = this.lastEventAt + this.quietMs - Date.now();
      if (remaining <= 0 || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, deadline - Date.now())));
    }
  }

  private emit(output: ChatOutput): void {
    this.collected?.push(output);
    for (const listener of this.listeners) listener(output);
  }

  /** An answer of the client itself (nothing sent to the bot). */
  private local(output: ChatOutput): ChatOutput[] {
    this.emit(output);
    return [output];
  }

  private onConnectorEvent(event: ConnectorEvent): void {
    this.lastEventAt = Date.now();
    if (this.raw && "activity" in event) {
      const label = event.kind === "send" ? "activité reçue" : "mise à jour";
      this.emit({ kind: "raw", label, lines: JSON.stringify(event.activity, null, 2).split("\n") });
    }
    switch (event.kind) {
      case "send": {
        const other = event.conversationId !== this.conversationId;
        const label = other ? `autre conversation ${event.conversationId}` : undefined;
        this.show(renderActivity(event.activity, this.style, label), event.activityId);
        return;
      }
      case "update":
        this.show(renderActivity(event.activity, this.style, "mise à jour"), event.activityId);
        return;
      case "delete":
        this.emit({ kind: "notice", lines: ["(le bot a supprimé un message)"] });
        return;
      case "unsupported":
        this.emit({ kind: "notice", lines: [`(appel du connecteur non simulé : ${event.method} ${event.path})`] });
        return;
    }
  }

  /** Shows what arrived; a card shown becomes the one whose actions `/1`, `/2`… run. */
  private show(rendered: RenderedActivity, activityId: string | undefined, from?: CurrentCard): void {
    if (rendered.card) {
      this.current = {
        card: rendered.card,
        activityId,
        inDialog: rendered.inDialog || (from?.inDialog ?? false),
        parentInputs: [],
      };
    }
    for (const output of rendered.outputs) this.emit(output);
  }
}
