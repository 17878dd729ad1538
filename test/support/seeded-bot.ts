import { afterAll, beforeAll } from "vitest";
import type { AppDeps } from "../../bot/create-app.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "./connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "./fresh-schema.ts";
import { seedTestAgent } from "./seed-test-agent.ts";
import { type RunningBot, startBot } from "./start-bot.ts";
import { testConfig } from "./test-config.ts";

/** What a conversation test works with, filled before its first test. */
export interface SeededBot {
  schema: FreshSchema;
  connector: ConnectorStandIn;
  bot: RunningBot;
}

/**
 * Registers, for the calling test file, a fresh schema with the demo data and the test
 * agent, a connector stand-in and a bot answering at `now`, all stopped after the file.
 */
export function useSeededBot(
  name: string,
  now: Date,
  options: { config?: Record<string, string> } & Pick<AppDeps, "wrapReads"> = {},
): SeededBot {
  const running = {} as SeededBot;
  beforeAll(async () => {
    running.schema = await freshSchema(name);
    await seed(running.schema.db, { now });
    await seedTestAgent(running.schema.db);
    running.connector = await new ConnectorStandIn().start();
    const config = testConfig({ DATABASE_SCHEMA: running.schema.schema, ...options.config });
    running.bot = await startBot(config, running.schema.db, () => now, {
      ...(options.wrapReads ? { wrapReads: options.wrapReads } : {}),
    });
  });
  afterAll(async () => {
    await running.bot?.close();
    await running.connector?.stop();
    await running.schema?.drop();
  });
  return running;
}
