import { describe, expect, it } from "vitest";
import { createSendSlots } from "../../jobs/mail/create-send-slots.ts";
import { createBatcher } from "../../jobs/outbox/create-batcher.ts";

/** A batch runner whose batches finish when the test says so. */
function controlledRunner() {
  const batches: number[][] = [];
  const finish: Array<(error?: Error) => void> = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve, reject) => {
      finish.push((error) => (error ? reject(error) : resolve(items.map((i) => i * 10))));
    });
  };
  return { batches, finish, run };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("createBatcher (the e-mail worker's group commit)", () => {
  it("serves the callers of one turn with one batch, and those arriving meanwhile with the next", async () => {
    const { batches, finish, run } = controlledRunner();
    const call = createBatcher(run);
    const first = [call(1), call(2), call(3)];
    await turn();
    expect(batches).toEqual([[1, 2, 3]]);
    const later = [call(4), call(5)];
    await turn();
    expect(batches).toHaveLength(1);
    finish[0]!();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    await turn();
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    finish[1]!();
    expect(await Promise.all(later)).toEqual([40, 50]);
  });

  it("caps a batch at max items and rejects every caller of a failed batch", async () => {
    const { batches, finish, run } = controlledRunner();
    const call = createBatcher(run, { max: 2 });
    const results = [1, 2, 3].map((i) => call(i).catch((error: Error) => error.message));
    await turn();
    expect(batches).toEqual([[1, 2]]);
    finish[0]!(new Error("base injoignable"));
    await turn();
    await turn();
    expect(batches).toEqual([[1, 2], [3]]);
    finish[1]!();
    expect(await Promise.all(results)).toEqual(["base injoignable", "base injoignable", 30]);
  });
});

describe("createSendSlots", () => {
  it("lets at most `size` holders in at once, the others in arrival order", async () => {
    const slots = createSendSlots(2);
    const order: number[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const waiting = [3, 4].map(async (n) => {
      const release = await slots.acquire();
      order.push(n);
      return release;
    });
    await turn();
    expect(order).toEqual([]);
    a();
    a(); // a second call releases nothing more
    await turn();
    expect(order).toEqual([3]);
    b();
    const [c, d] = await Promise.all(waiting);
    expect(order).toEqual([3, 4]);
    c!();
    d!();
  });
});
