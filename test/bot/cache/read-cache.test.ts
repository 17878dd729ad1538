import { describe, expect, it } from "vitest";
import { createReadCache } from "../../../bot/cache/read-cache.ts";

describe("createReadCache", () => {
  it("loads a key once, then serves it from memory", async () => {
    const cache = createReadCache<number>({ max: 10, enabled: () => true });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.read("a", load)).toBe(1);
    expect(await cache.read("a", load)).toBe(1);
    expect(loads).toBe(1);
  });

  it("shares one load between concurrent misses of a key", async () => {
    const cache = createReadCache<number>({ max: 10, enabled: () => true });
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.read("a", load), cache.read("a", load)])).toEqual([1, 1]);
    expect(loads).toBe(1);
  });

  it("forgets everything on clear, and does not keep a value loaded across a clear", async () => {
    const cache = createReadCache<string>({ max: 10, enabled: () => true });
    await cache.read("a", async () => "before");
    cache.clear();
    expect(await cache.read("a", async () => "after")).toBe("after");
    let release: (value: string) => void = () => {};
    const slow = cache.read("b", () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    release("read before the change");
    expect(await slow).toBe("read before the change");
    expect(await cache.read("b", async () => "read after the change")).toBe("read after the change");
  });

  it("keeps at most `max` entries, dropping the least recently read", async () => {
    const cache = createReadCache<string>({ max: 2, enabled: () => true });
    await cache.read("a", async () => "a1");
    await cache.read("b", async () => "b1");
    await cache.read("a", async () => "a2");
    await cache.read("c", async () => "c1");
    expect(cache.size).toBe(2);
    expect(await cache.read("a", async () => "a3")).toBe("a1");
    expect(await cache.read("b", async () => "b2")).toBe("b2");
  });

  it("loads the missing keys of a batch in one call, in order, and keeps them", async () => {
    const cache = createReadCache<string>({ max: 10, enabled: () => true });
    await cache.read("b", async () => "b (kept)");
    const calls: string[][] = [];
    const load = async (missing: string[]) => {
      calls.push(missing);
      return missing.map((key) => `${key} (loaded)`);
    };
    expect(await cache.readMany(["a", "b", "c"], load)).toEqual(["a (loaded)", "b (kept)", "c (loaded)"]);
    expect(await cache.readMany(["c", "a"], load)).toEqual(["c (loaded)", "a (loaded)"]);
    expect(calls).toEqual([["a", "c"]]);
  });

  it("prefetches a key once, never over a kept or loading one, and not across a clear", async () => {
    const cache = createReadCache<string>({ max: 10, enabled: () => true });
    let loads = 0;
    let release: (value: string) => void = () => {};
    const slow = () => {
      loads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    cache.prefetch("a", slow);
    cache.prefetch("a", slow);
    const reading = cache.read("a", slow);
    release("a (prefetched)");
    expect(await reading).toBe("a (prefetched)");
    cache.prefetch("a", slow);
    expect(loads).toBe(1);
    cache.prefetch("b", slow);
    cache.clear();
    release("b (read before the change)");
    expect(await cache.read("b", async () => "b (read after)")).toBe("b (read after)");
  });

  it("reads through and keeps nothing while disabled (changes cannot be heard)", async () => {
    let enabled = false;
    const cache = createReadCache<number>({ max: 10, enabled: () => enabled });
    let loads = 0;
    const load = async () => ++loads;
    await cache.read("a", load);
    await cache.read("a", load);
    expect(loads).toBe(2);
    expect(cache.size).toBe(0);
    enabled = true;
    await cache.read("a", load);
    expect(await cache.read("a", load)).toBe(3);
  });
});
