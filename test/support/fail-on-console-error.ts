import { afterEach, vi } from "vitest";

/** Any `console.error` a test did not expect fails it: errors must not pass silently. */
const spy = vi.spyOn(console, "error");

afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockClear();
  if (calls.length > 0) {
    throw new Error(`console.error inattendu :\n${calls.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});
