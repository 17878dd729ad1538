import { describe, expect, it } from "vitest";
import { holdsSlot, keepHeld, toSlotBitmap } from "../../domain/projects/slot-bitmap.ts";

/** A sorted list of distinct slots below `max`, each kept with probability `density` (seeded). */
function randomSlots(max: number, density: number, seed: number): Int32Array {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const slots: number[] = [];
  for (let slot = 0; slot < max; slot++) if (next() < density) slots.push(slot);
  return Int32Array.from(slots);
}

describe("slot bitmaps", () => {
  it("hold exactly the slots of their list, at word boundaries and past the last slot", () => {
    const list = Int32Array.of(0, 31, 32, 63, 64, 1000);
    const bitmap = toSlotBitmap(list);
    const held = Array.from({ length: 1100 }, (_, slot) => slot).filter((slot) => holdsSlot(bitmap, slot));
    expect(held).toEqual([...list]);
    expect(holdsSlot(bitmap, 2 ** 20)).toBe(false);
    expect(toSlotBitmap(new Int32Array(0)).length).toBe(0);
    expect(holdsSlot(toSlotBitmap(new Int32Array(0)), 0)).toBe(false);
  });

  it("keep the slots of a list that another list holds, in order, as a set intersection would", () => {
    for (const [seed, density] of [
      [1, 0.5],
      [2, 0.05],
      [3, 0.9],
      [4, 0.001],
    ] as const) {
      const a = randomSlots(20_000, density, seed);
      const b = randomSlots(20_000, 0.3, seed + 10);
      const inB = new Set(b);
      expect([...keepHeld(a, toSlotBitmap(b))]).toEqual([...a].filter((slot) => inB.has(slot)));
    }
  });
});
