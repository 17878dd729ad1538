import { type Config, loadConfig } from "../../domain/config/load-config.ts";
import { testDatabaseUrl } from "../../scripts/test-database-url.ts";

/**
 * The configuration tests run with: the test database (never the demo one), a
 * PostgreSQL schema and a Redis key prefix of their own, no Bot Framework credentials.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const base = loadConfig(process.env);
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATABASE_URL: testDatabaseUrl(base.DATABASE_URL),
    REDIS_URL: base.REDIS_URL,
    PORT: "0",
    // Tests write and ask within the same millisecond: every turn waits for its own sync.
    BOT_SYNC_WINDOW_MS: "0",
    // One search memory per bot: the search thread has tests of its own (search-offload.test.ts).
    BOT_SEARCH_THREAD: "false",
    ...overrides,
  });
}
