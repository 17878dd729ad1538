import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { countLabel, formatCount } from "../../domain/text/count-label.ts";

/** Node options that load the collection counter (`gc-count.mjs`) into a spawned server. */
export const GC_COUNT_FLAGS = ["--import", new URL("./gc-count.mjs", import.meta.url).href];

export interface GcCounts {
  /** Messages received since the counting started (the first one). */
  messages: number;
  minor: { count: number; ms: number; maxMs: number };
  major: { count: number; ms: number; maxMs: number };
}

/** Asks a server started with `GC_COUNT_FLAGS` and `BENCH_GC_FILE=file` for its counts so far. */
export async function readGcCounts(child: ChildProcess, file: string): Promise<GcCounts> {
  rmSync(file, { force: true });
  child.kill("SIGUSR2");
  for (let waited = 0; !existsSync(file); waited += 50) {
    if (waited > 5000) throw new Error(`pas de décompte des collectes dans ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.parse(readFileSync(file, "utf8")) as GcCounts;
}

/** « 90 mineures (596 ms en tout, 14 ms au plus), 1 majeure (16 ms, 16 ms au plus) ; 0,10 ms par message sur 6 300 messages ». */
export function describeGcCounts({ messages, minor, major }: GcCounts): string {
  const ms = (value: number) => formatCount(Math.round(value));
  const perMessage = ((minor.ms + major.ms) / Math.max(1, messages)).toFixed(2).replace(".", ",");
  const majors =
    major.count === 0
      ? "aucune majeure"
      : `${countLabel(major.count, "majeure")} (${ms(major.ms)} ms, ${ms(major.maxMs)} ms au plus)`;
  return `${countLabel(minor.count, "mineure")} (${ms(minor.ms)} ms en tout, ${ms(minor.maxMs)} ms au plus), ${majors} ; ${perMessage} ms par message sur ${countLabel(messages, "message")}`;
}
