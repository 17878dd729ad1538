import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** A Redis key prefix of one test file's own, and the cleanup of its keys. */
export function redisPrefix(label: string): string {
  return `t-${label}-${randomBytes(4).toString("hex")}`;
}

export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
