import { readFileSync } from "node:fs";

/** CPU time (user + system) the calling thread has used, in milliseconds (10 ms steps). */
function threadCpuMs() {
  const stat = readFileSync("/proc/thread-self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Keeps the calling thread busy until it has used `ms` of CPU, so a loaded machine only
 * makes it take longer (at most 10 s of wall time). Plain JavaScript: worker threads load it too.
 */
export function spinCpu(ms) {
  const start = threadCpuMs();
  const end = performance.now() + 10_000;
  let sink = 0;
  while (threadCpuMs() - start < ms && performance.now() < end) for (let i = 0; i < 100_000; i++) sink += i;
  return sink;
}
