import { Redis } from "ioredis";

/**
 * An ioredis connection. Worker connections need `maxRetriesPerRequest: null`
 * (BullMQ blocks on them); others fail fast so a health check does not hang.
 */
export function createRedis(url: string, options: { blocking?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: options.blocking ? null : 1,
    enableOfflineQueue: options.blocking ?? false,
    lazyConnect: false,
  });
}
