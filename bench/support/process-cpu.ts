import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (`state` first), or null once the process has ended. */
function statFields(pid: number): string[] | null {
  try {
    // The command name in parentheses may hold spaces: fields are counted after it.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (10 ms steps). */
export function processCpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = statFields(pid);
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND : 0;
}

/**
 * Minor page faults of a process so far: each first touch of a memory page the process
 * was just given (a heap that grows, pages the collector takes back and asks for again).
 */
export function processMinorFaults(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = statFields(pid);
  return fields ? Number(fields[7]) : 0;
}

/** CPU time used so far by each process named `name` (e.g. the PostgreSQL backends), in milliseconds, by pid. */
export function processesCpuMs(name: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name)
        byPid.set(Number(entry), processCpuMs(Number(entry)));
    } catch {
      // The process ended meanwhile.
    }
  }
  return byPid;
}

/**
 * CPU used since `before` by the processes named `name`: a process started meanwhile
 * counts from zero; one that ended meanwhile is left out (its last ticks are lost with it).
 */
export function processesCpuSince(before: Map<number, number>, name: string): number {
  let total = 0;
  for (const [pid, ms] of processesCpuMs(name)) total += ms - (before.get(pid) ?? 0);
  return total;
}
