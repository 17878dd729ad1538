import { afterAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createMaintenanceQueue, upsertSchedules } from "../../jobs/queues/maintenance-queue.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { testConfig } from "../support/test-config.ts";

const prefix = redisPrefix("schedules");
const config = testConfig({ REDIS_PREFIX: prefix });
const redis = createRedis(config.REDIS_URL, { blocking: true });
const queue = createMaintenanceQueue(redis, config);

afterAll(async () => {
  await queue.close();
  await redis.quit();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

const parisClock = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  hour: "2-digit",
  minute: "2-digit",
});

describe("job schedulers", () => {
  it("are upserted from one place, once each, however many workers upsert them", async () => {
    await upsertSchedules(queue, config);
    await upsertSchedules(queue, config);
    await upsertSchedules(queue, config);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      "agents-digest",
      "fetch-feeds",
      "reminder-scan",
      "results-post",
      "rsvp-notices",
      "veille-digest",
    ]);
    const intervals = ["rsvp-notices", "results-post"];
    expect(schedulers.filter((s) => !intervals.includes(s.key)).every((s) => s.tz === "Europe/Paris")).toBe(true);
    // The four crons wait for their time; the two intervals' first runs are due at once.
    expect(await queue.getDelayedCount()).toBe(4);
    expect(await queue.getWaitingCount()).toBe(2);
  });

  it.each([
    ["spring forward", parisTime(2027, 3, 24)],
    ["fall back", parisTime(2027, 10, 27)],
  ])("keep the 08:00 Paris digest every weekday of the %s week", async (_label, weekStart) => {
    const runs: string[] = [];
    for (let day = 0; day < 8; day++) {
      const from = new Date(weekStart.getTime() + day * 86_400_000);
      await queue.removeJobScheduler("agents-digest");
      await upsertSchedules(queue, config, from);
      const scheduler = await queue.getJobScheduler("agents-digest");
      const next = Number(scheduler?.next);
      expect(next).toBeGreaterThanOrEqual(from.getTime());
      expect(next).toBeLessThan(from.getTime() + 4 * 86_400_000);
      runs.push(parisClock.format(new Date(Number(scheduler?.next))));
    }
    for (const run of runs) expect(run).toMatch(/^(lundi|mardi|mercredi|jeudi|vendredi) 08:00$/);
    // The UTC hour changes across the week while the Paris hour stays 08:00.
    const scheduler = await queue.getJobScheduler("reminder-scan");
    expect(parisClock.format(new Date(Number(scheduler?.next)))).toMatch(/ 07:00$/);
  });
});
