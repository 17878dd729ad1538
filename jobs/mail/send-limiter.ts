import type { Redis } from "ioredis";

/**
 * Sliding-window limit shared by every worker (one Redis sorted set): at most `max`
 * sends in any `windowMs`, measured with Redis' clock so machines' clocks do not matter.
 * Returns 0 when a slot was taken, else how long to wait before trying again.
 */
const RESERVE_SCRIPT = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local window = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowMs - window)
if redis.call('ZCARD', KEYS[1]) < max then
  redis.call('ZADD', KEYS[1], nowMs, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tonumber(oldest[2]) + window - nowMs + 1
`;

/** Moves a sent message's mark to when the server answered (never earlier than its arrival). */
const CONFIRM_SCRIPT = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', nowMs, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return nowMs
`;

/** Daily recipients cap (Exchange Online: 10 000 a day), counted per Paris calendar day. */
const DAILY_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], 172800000) end
if count > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return 0
end
return 1
`;

export interface SendLimiterOptions {
  redis: Redis;
  prefix: string;
  max: number;
  windowMs: number;
  dailyMax: number;
}

export interface SendLimiter {
  /** 0 when the caller may send now; otherwise milliseconds to wait. */
  reserve(member: string, now: Date): Promise<number>;
  /** Called once the server accepted the message: the window counts from then. */
  confirm(member: string): Promise<void>;
}

/**
 * A message is counted from its reservation until `confirm` moves its mark to the
 * server's answer, so the window is measured as the server sees it (a slow first
 * connection cannot squeeze one more message in). A small guard covers the rest.
 */
export function createSendLimiter(options: SendLimiterOptions): SendLimiter {
  const { redis, prefix, max, windowMs, dailyMax } = options;
  if (max === 0) return { reserve: async () => 0, confirm: async () => {} };
  const guardedWindow = windowMs + Math.max(20, Math.round(windowMs * 0.01));
  return {
    async reserve(member, now) {
      const day = parisDay(now);
      const dailyKey = `${prefix}:mail:day:${day}`;
      const allowedToday = Number(await redis.eval(DAILY_SCRIPT, 1, dailyKey, dailyMax));
      if (!allowedToday) return msUntilParisMidnight(now);
      const wait = Number(await redis.eval(RESERVE_SCRIPT, 1, `${prefix}:mail:window`, guardedWindow, max, member));
      if (wait > 0) await redis.decr(dailyKey);
      return wait;
    },
    async confirm(member) {
      await redis.eval(CONFIRM_SCRIPT, 1, `${prefix}:mail:window`, member, guardedWindow);
    },
  };
}

function parisDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(date);
}

function msUntilParisMidnight(now: Date): number {
  const [hours, minutes, seconds] = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  })
    .format(now)
    .split(":")
    .map(Number) as [number, number, number];
  return (24 * 3600 - (hours * 3600 + minutes * 60 + seconds)) * 1000 + 1000;
}
