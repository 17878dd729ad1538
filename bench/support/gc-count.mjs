/**
 * Preloaded into the benchmark's bot and echo (`node --import`): counts V8's collections
 * from the first message on (the bot's start builds its search memory, which is not the
 * load measured) and writes them as JSON to `BENCH_GC_FILE` on SIGUSR2.
 * Plain JavaScript: it loads before tsx.
 */
import { writeFileSync } from "node:fs";
import http from "node:http";
import { constants, PerformanceObserver } from "node:perf_hooks";

const file = process.env.BENCH_GC_FILE;
if (file) {
  const counts = { messages: 0, minor: { count: 0, ms: 0, maxMs: 0 }, major: { count: 0, ms: 0, maxMs: 0 } };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, request, ...rest) {
    if (event === "request" && request.url === "/api/messages") counts.messages += 1;
    return emit.call(this, event, request, ...rest);
  };
  new PerformanceObserver((list) => {
    if (counts.messages === 0) return;
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind;
      const slot =
        kind === constants.NODE_PERFORMANCE_GC_MINOR
          ? counts.minor
          : kind === constants.NODE_PERFORMANCE_GC_MAJOR
            ? counts.major
            : null;
      if (!slot) continue;
      slot.count += 1;
      slot.ms += entry.duration;
      slot.maxMs = Math.max(slot.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  process.on("SIGUSR2", () => writeFileSync(file, JSON.stringify(counts)));
}
