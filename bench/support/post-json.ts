import { Agent, request } from "node:http";

/**
 * The latency bench's client: POSTs JSON over kept-alive connections with `node:http`.
 * The client shares the machine's two cores with the servers it measures, so it has to
 * cost them as little as possible. `fetch` (undici, with its WHATWG streams, Headers and
 * Response objects) took 0.7 to 1.1 ms of CPU per request at 16 conversations, about as
 * much as the echo bot itself (README, « Décisions »).
 */
export class JsonPoster {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

  /** Resolves with the response's status once its body has been read. */
  post(url: string, body: string): Promise<number> {
    const payload = Buffer.from(body, "utf8");
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: "POST",
          agent: this.agent,
          headers: { "content-type": "application/json", "content-length": payload.length },
        },
        (response) => {
          response.on("error", reject);
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.resume();
        },
      );
      outgoing.on("error", reject);
      outgoing.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
