import type { IncomingMessage, Server, ServerResponse } from "node:http";

export interface GracefulStop {
  /** Requests received and not yet answered. */
  inFlight(): number;
  /**
   * Stops accepting connections, lets the requests in flight finish (their turns reply
   * to Teams before answering), closes every keep-alive connection as soon as it is
   * idle, and resolves when the last connection is gone.
   */
  stop(): Promise<void>;
}

/**
 * Graceful stop of the bot's HTTP server (SIGTERM from the orchestrator or a deploy).
 * `server.close()` alone stops accepting but waits for keep-alive connections to time
 * out, and a connection busy at that moment stays open after its answer: every answer
 * given while stopping says `Connection: close`, and idle connections are closed as
 * soon as a request ends, so the process can exit as soon as the last turn is answered.
 */
export function prepareGracefulStop(server: Server): GracefulStop {
  const pending = new Set<ServerResponse>();
  let stopping = false;
  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader("connection", "close");
  };
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    pending.add(res);
    if (stopping) closeAfterAnswer(res);
    res.on("close", () => {
      pending.delete(res);
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  return {
    inFlight: () => pending.size,
    stop() {
      stopping = true;
      const closed = new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      });
      for (const res of pending) closeAfterAnswer(res);
      server.closeIdleConnections();
      return closed;
    },
  };
}
