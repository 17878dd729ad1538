import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshSchema, freshSchema } from "./fresh-schema.ts";
import { startBot } from "./start-bot.ts";
import { testConfig } from "./test-config.ts";

let schema: FreshSchema;
/** A "Redis" that accepts connections and never answers: the client stays short of ready. */
let silent: Server;
const sockets: Socket[] = [];

beforeAll(async () => {
  schema = await freshSchema("startbot");
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await schema?.drop();
});

// The helper every bot test ends with. On a loaded CI machine a short test once ended while its
// Redis connection was still waiting for Redis's first answer: QUIT was refused (no offline
// queue) and the whole file failed after its tests had passed.
describe("startBot's close", () => {
  it("closes while its Redis connection is not ready yet", async () => {
    const { port } = silent.address() as AddressInfo;
    const config = testConfig({ DATABASE_SCHEMA: schema.schema, REDIS_URL: `redis://127.0.0.1:${port}` });
    const bot = await startBot(config, schema.db);
    await expect(bot.close()).resolves.toBeUndefined();
  });
});
