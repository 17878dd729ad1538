import type { Redis } from "ioredis";
import type { Config } from "../domain/config/load-config.ts";
import { EMAIL_QUEUE } from "./queues/email-queue.ts";
import { MAINTENANCE_QUEUE } from "./queues/maintenance-queue.ts";

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface QueueHealth {
  queues: Record<string, QueueCounts>;
  /** Worker processes whose heartbeat is fresh. */
  workers: number;
}

const STATES = ["waiting", "active", "delayed", "failed", "completed"] as const;

/**
 * Queue counts read straight from Redis (BullMQ's key layout: lists for wait/active,
 * sorted sets for delayed/failed/completed), so the bot server needs no Queue objects
 * and never creates keys by looking.
 */
export async function readQueueHealth(redis: Redis, config: Config): Promise<QueueHealth> {
  const pipeline = redis.pipeline();
  const names = [EMAIL_QUEUE, MAINTENANCE_QUEUE];
  for (const name of names) {
    const base = `${config.REDIS_PREFIX}:${name}`;
    pipeline.llen(`${base}:wait`);
    pipeline.llen(`${base}:active`);
    pipeline.zcard(`${base}:delayed`);
    pipeline.zcard(`${base}:failed`);
    pipeline.zcard(`${base}:completed`);
    pipeline.zcard(`${base}:prioritized`);
  }
  const results = (await pipeline.exec()) ?? [];
  const values = results.map(([error, value]) => {
    if (error) throw error;
    return Number(value);
  });
  const queues: Record<string, QueueCounts> = {};
  names.forEach((name, index) => {
    const row = values.slice(index * 6, index * 6 + 6);
    const counts = Object.fromEntries(STATES.map((state, i) => [state, row[i] ?? 0])) as unknown as QueueCounts;
    counts.waiting += row[5] ?? 0;
    queues[name] = counts;
  });
  let workers = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${config.REDIS_PREFIX}:workers:*`, "COUNT", 100);
    workers += keys.length;
    cursor = next;
  } while (cursor !== "0");
  return { queues, workers };
}
