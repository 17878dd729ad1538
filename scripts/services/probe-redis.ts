import { Redis } from "ioredis";
import type { ProbeResult } from "./services-options.ts";

/** Redis replies meaning "ask again soon" rather than "no". */
const NOT_YET = /^(LOADING|BUSY|MASTERDOWN)/;

/**
 * Sends PING once, with a short timeout and no retry. `rejected` means a Redis server
 * answered with an error (wrong password, ACL…): starting another one would not help.
 */
export async function probeRedis(redisUrl: string, timeoutMs = 1500): Promise<ProbeResult> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Connection errors are also emitted as events; they are the probe's answer, not noise.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return { state: "ready" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const refusedByServer = error instanceof Error && error.name === "ReplyError" && !NOT_YET.test(reason);
    return refusedByServer ? { state: "rejected", reason } : { state: "unreachable", reason };
  } finally {
    client.disconnect();
  }
}
