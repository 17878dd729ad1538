import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { JsonPoster } from "../../bench/support/post-json.ts";

let server: Server | null = null;
let poster: JsonPoster | null = null;

afterEach(async () => {
  poster?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A server that records each request's headers and body and answers with `status`. */
async function recordingServer(status: number) {
  const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
  let connections = 0;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status, { "content-type": "application/json" });
      res.end('{"id":"x"}');
    });
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return { url, received, connections: () => connections };
}

// The latency bench's client (bench/bot-latency.ts): it must send what `fetch` sent, on kept-alive connections.
describe("JsonPoster", () => {
  it("posts the JSON as UTF-8 with its byte length and resolves with the status once the answer is read", async () => {
    const { url, received } = await recordingServer(201);
    poster = new JsonPoster();
    const body = JSON.stringify({ type: "message", text: "statut 2022-017 · 1 500 € à Dax" });

    expect(await poster.post(url, body)).toBe(201);

    expect(received).toHaveLength(1);
    expect(received[0]?.body).toBe(body);
    expect(received[0]?.headers["content-type"]).toBe("application/json");
    expect(Number(received[0]?.headers["content-length"])).toBe(Buffer.byteLength(body, "utf8"));
  });

  it("reuses one connection for requests made one after the other", async () => {
    const { url, connections } = await recordingServer(200);
    poster = new JsonPoster();
    for (let i = 0; i < 5; i++) expect(await poster.post(url, `{"n":${i}}`)).toBe(200);
    expect(connections()).toBe(1);
  });

  it("rejects when nothing listens", async () => {
    const { url } = await recordingServer(200);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = null;
    poster = new JsonPoster();
    await expect(poster.post(url, "{}")).rejects.toThrow();
  });
});
