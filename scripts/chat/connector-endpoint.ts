import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isJson, type Json } from "./read-card.ts";

/** What the bot did through the connector, in the order it happened. */
export type ConnectorEvent =
  | { kind: "send"; conversationId: string; activityId: string; replyToId: string | undefined; activity: Json }
  | { kind: "update"; conversationId: string; activityId: string; activity: Json }
  | { kind: "delete"; conversationId: string; activityId: string }
  | { kind: "unsupported"; method: string; path: string };

export interface ConnectorEndpointOptions {
  /** The member returned to `GET …/members` (Teams' `TeamsInfo.getMember`). */
  member: Json;
  /** The conversation `POST /v3/conversations` creates (proactive 1:1 messages land in the chat). */
  conversationId: string;
}

/**
 * A small HTTP server on loopback standing in for the Bot Connector, as Teams' is for
 * a real bot: the bot replies, updates and deletes activities through it, exactly as
 * it would in Teams, and each call becomes a `ConnectorEvent` for the chat client.
 */
export class ConnectorEndpoint {
  private server: Server | null = null;
  private listeners: Array<(event: ConnectorEvent) => void> = [];
  private counter = 0;

  constructor(private readonly options: ConnectorEndpointOptions) {}

  /** The `serviceUrl` to put in activities sent to the bot. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("connector endpoint not started");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => reply(res, 400, { error: { code: "BadRequest", message: "corps illisible" } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  onEvent(listener: (event: ConnectorEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private emit(event: ConnectorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body: unknown = raw ? JSON.parse(raw) : {};
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://connector").pathname;
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const [version, conversations, conversationId = "", section, itemId] = parts;
    if (version !== "v3" || conversations !== "conversations") return this.unsupported(res, method, path);
    if (parts.length === 2 && method === "POST") {
      reply(res, 201, { id: this.options.conversationId, activityId: this.nextId() });
      return;
    }
    if (section === "activities" && isJson(body) && method === "POST" && parts.length <= 5) {
      const activityId = this.nextId();
      this.emit({ kind: "send", conversationId, activityId, replyToId: itemId, activity: body });
      reply(res, 200, { id: activityId });
      return;
    }
    if (section === "activities" && itemId && isJson(body) && method === "PUT") {
      this.emit({ kind: "update", conversationId, activityId: itemId, activity: body });
      reply(res, 200, { id: itemId });
      return;
    }
    if (section === "activities" && itemId && method === "DELETE") {
      this.emit({ kind: "delete", conversationId, activityId: itemId });
      reply(res, 200, {});
      return;
    }
    if ((section === "members" || section === "pagedmembers") && method === "GET") {
      const member = this.options.member;
      reply(res, 200, section === "pagedmembers" ? { members: [member] } : itemId ? member : [member]);
      return;
    }
    this.unsupported(res, method, path);
  }

  private unsupported(res: ServerResponse, method: string, path: string): void {
    this.emit({ kind: "unsupported", method, path });
    reply(res, 404, { error: { code: "NotFound", message: `non simulé par le client local : ${method} ${path}` } });
  }

  private nextId(): string {
    this.counter += 1;
    return `chat-${this.counter}`;
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
