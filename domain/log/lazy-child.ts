import type { Logger } from "./create-logger.ts";

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace"]);
const noop = () => {};

/**
 * `logger.child(bindings)`, made only when something is logged: a turn that logs
 * nothing (most of them, at the production level) does not pay for a pino child (its
 * bindings serialised and redacted). A call at a level the parent does not write is
 * dropped without making the child; a child of it is just as lazy.
 */
export function lazyChild(logger: Logger, bindings: Record<string, unknown>): Logger {
  return lazy(() => logger.child(bindings), logger);
}

function lazy(make: () => Logger, parent: Logger): Logger {
  let made: Logger | null = null;
  const real = () => {
    made ??= make();
    return made;
  };
  return new Proxy(parent, {
    get(_target, property) {
      if (made === null && typeof property === "string" && LEVELS.has(property) && !parent.isLevelEnabled(property))
        return noop;
      if (property === "child") return (more: Record<string, unknown>) => lazy(() => real().child(more), parent);
      const value = Reflect.get(real(), property);
      return typeof value === "function" ? value.bind(made) : value;
    },
  });
}
