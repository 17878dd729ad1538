import { spawnServer } from "./spawn-server.ts";

/**
 * The configuration of every server the latency bench starts. The echo bot reads it too:
 * its adapter is the assistant's (`createAdapter`), which reads the configuration.
 */
export function benchServerEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: "bpc40-bench",
    LOG_LEVEL: "warn",
    SMTP_URL: "smtp://127.0.0.1:2599",
    BPC40_SECRET: "bench-secret-bench-secret-bench-secret!",
  };
}

/** Starts bench/echo-bot.ts on `port` as its own process; resolves once it answers HTTP (it has no health route). */
export function startEchoBot(port: number, env: Record<string, string>, nodeFlags: string[] = []) {
  return spawnServer("bench/echo-bot.ts", [String(port)], env, () => answersHttp(port), nodeFlags);
}

async function answersHttp(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  await response.arrayBuffer();
  return true;
}
