import { describe, expect, it } from "vitest";
import { ScratchSlots } from "../../domain/projects/scratch-slots.ts";
import { keepHeld, toSlotBitmap } from "../../domain/projects/slot-bitmap.ts";
import { intersection } from "../../domain/projects/sorted-slots.ts";

describe("scratch buffers of a search", () => {
  it("hand out the same memory again, zeroed only when asked, and grow when a longer one is needed", () => {
    const scratch = new ScratchSlots();
    const first = scratch.ints32(0, 10, true);
    first.fill(7);
    const again = scratch.ints32(0, 5);
    expect(again.buffer).toBe(first.buffer);
    expect([...again]).toEqual([7, 7, 7, 7, 7]);
    expect([...scratch.ints32(0, 10, true)]).toEqual(new Array(10).fill(0));
    // Another buffer number is other memory.
    expect(scratch.ints32(1, 10).buffer).not.toBe(first.buffer);
    const longer = scratch.ints32(0, 5000, true);
    expect(longer.length).toBe(5000);
    expect(longer.buffer).not.toBe(first.buffer);
    expect(longer.every((n) => n === 0)).toBe(true);
    const floats = scratch.floats64(0, 3);
    floats.set([0.5, 1.5, 2.5]);
    expect([...scratch.floats64(0, 3)]).toEqual([0.5, 1.5, 2.5]);
  });

  it("take the narrowings' results, which are the same as with memory of their own", () => {
    const a = Int32Array.from({ length: 3000 }, (_, i) => i * 3);
    const b = Int32Array.from({ length: 2000 }, (_, i) => i * 4);
    const expected = [...a].filter((slot) => slot % 4 === 0 && slot < 8000);
    const out = new Int32Array(3000).fill(-1);
    const held = keepHeld(a, toSlotBitmap(b), out);
    expect(held.buffer).toBe(out.buffer);
    expect([...held]).toEqual(expected);
    expect([...intersection(a, b, new Int32Array(2000))]).toEqual(expected);
    expect([...intersection(a, b)]).toEqual(expected);
    // In place: each slot is read before its position is written.
    const copy = a.slice();
    expect([...keepHeld(copy, toSlotBitmap(b), copy)]).toEqual(expected);
  });
});
