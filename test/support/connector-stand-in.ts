import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedActivity {
  conversationId: string;
  replyToId: string | undefined;
  activity: Record<string, unknown>;
  at: number;
}

type Responder = (req: IncomingMessage, body: unknown) => { status: number; headers?: Record<string, string> } | null;

/**
 * A local stand-in for the Bot Connector: records every activity the bot sends to
 * `POST /v3/conversations/{id}/activities[/{replyToId}]` and answers like Teams does.
 * `respondWith` lets a test answer 429 or 500 first.
 */
export class ConnectorStandIn {
  readonly activities: RecordedActivity[] = [];
  respondWith: Responder | null = null;
  /**
   * While set, activities wait for it before being recorded and answered (a slow Teams).
   * Typing indicators pass: a turn sends its reply only once its indicator is taken (see
   * `withTyping`), so holding one would hold back a reply that is not yet sent.
   */
  hold: Promise<void> | null = null;
  /** The activities waiting on `hold`. */
  readonly held: Array<Record<string, unknown>> = [];
  private server: Server | null = null;
  private waiters: Array<() => void> = [];
  private counter = 0;

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Resolves when at least `count` activities have arrived (optionally for one conversation). */
  async waitFor(count: number, conversationId?: string, timeoutMs = 10_000): Promise<RecordedActivity[]> {
    const matching = () => this.activities.filter((a) => !conversationId || a.conversationId === conversationId);
    const deadline = Date.now() + timeoutMs;
    while (matching().length < count) {
      if (Date.now() > deadline) {
        throw new Error(`connecteur : ${matching().length}/${count} activités reçues après ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return matching();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? JSON.parse(raw) : {};
    const match = /^(?:\/[\w.-]+)?\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? ""); // optional region, as in …/emea/
    const override = this.respondWith?.(req, body);
    if (override) {
      res.writeHead(override.status, { "content-type": "application/json", ...override.headers });
      res.end(JSON.stringify({ error: { code: "StandIn", message: "réponse forcée par le test" } }));
      return;
    }
    if (req.method === "POST" && match) {
      if (this.hold && body.type !== "typing") {
        this.held.push(body);
        for (const wake of this.waiters.splice(0)) wake();
        await this.hold;
      }
      this.activities.push({
        conversationId: decodeURIComponent(match[1] ?? ""),
        replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
        activity: body,
        at: Date.now(),
      });
      for (const wake of this.waiters.splice(0)) wake();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `stand-in-${++this.counter}` }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "NotFound", message: req.url } }));
  }
}
