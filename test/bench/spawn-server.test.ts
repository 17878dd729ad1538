import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortsFree } from "../../bench/support/spawn-server.ts";
import { freePorts } from "../support/spawn-bot.ts";

let taken: Server | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (taken ? taken.close(() => resolve()) : resolve()));
  taken = null;
});

// The latency bench must not measure a bot left running by an interrupted run in place of its own.
describe("assertPortsFree", () => {
  it("refuses a port something already listens on, and says what to look for", async () => {
    const [free, busy] = (await freePorts(2)) as [number, number];
    const server = createServer();
    taken = server;
    await new Promise<void>((resolve) => server.listen(busy, "127.0.0.1", resolve));
    await expect(assertPortsFree([free, busy])).rejects.toThrow(`le port ${busy} est déjà pris`);
  });

  it("accepts free ports and leaves them free", async () => {
    const ports = await freePorts(2);
    await assertPortsFree(ports);
    await assertPortsFree(ports);
  });
});
