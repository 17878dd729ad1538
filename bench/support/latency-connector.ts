import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Bot Connector stand-in for measurements: resolves the waiter of each activity the
 * moment its reply arrives (by `replyToId`), no polling.
 */
export class LatencyConnector {
  private server: Server | null = null;
  private waiters = new Map<string, (at: number) => void>();
  /** Bytes of every request body received so far (the replies' size). */
  receivedBytes = 0;

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error("connecteur non démarré");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const at = performance.now();
      const match = /\/activities\/([^/?]+)/.exec(req.url ?? "");
      req.on("data", (chunk: Buffer) => {
        this.receivedBytes += chunk.length;
      });
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"id":"x"}');
        const replyTo = match ? decodeURIComponent(match[1]!) : "";
        this.waiters.get(replyTo)?.(at);
        this.waiters.delete(replyTo);
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  /** Resolves with the arrival time of the first reply to `activityId`. */
  expectReply(activityId: string, timeoutMs = 30_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(activityId);
        reject(new Error(`pas de réponse à ${activityId}`));
      }, timeoutMs);
      this.waiters.set(activityId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
