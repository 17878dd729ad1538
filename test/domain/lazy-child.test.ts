import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { lazyChild } from "../../domain/log/lazy-child.ts";

/** A pino logger writing its lines into an array, and a count of the children it made. */
function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const logger = pino({ level }, stream);
  // pino's children inherit `child` from a shared prototype: counted there, for this test only.
  const made = vi.spyOn(Object.getPrototypeOf(logger) as { child: typeof logger.child }, "child");
  return { logger, lines, children: () => made.mock.calls.length };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("lazyChild", () => {
  it("makes no child for a turn that logs nothing, or only below the level", () => {
    const { logger, children, lines } = capture("warn");
    const turn = lazyChild(logger, { activityId: "a1" });
    turn.debug("ignored");
    turn.info({ n: 1 }, "ignored too");
    turn.child({ command: "statut" }).debug("still nothing");
    expect(children()).toBe(0);
    expect(lines).toEqual([]);
  });

  it("logs with its bindings (and a child's) once something is written", async () => {
    const { logger, children, lines } = capture("info");
    const turn = lazyChild(logger, { activityId: "a1" });
    turn.info("turn");
    turn.child({ command: "statut" }).warn({ reference: "2022-017" }, "command");
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map(({ activityId, command, reference, msg }) => ({ activityId, command, reference, msg }))).toEqual([
      { activityId: "a1", command: undefined, reference: undefined, msg: "turn" },
      { activityId: "a1", command: "statut", reference: "2022-017", msg: "command" },
    ]);
    expect(children()).toBe(2);
  });
});
