import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (`state` first), or null once the process has ended. */
function statFields(pid: number, path = `/proc/${pid}/stat`): string[] | null {
  try {
    // The command name in parentheses may hold spaces: fields are counted after it.
    const stat = readFileSync(path, "utf8");
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

/** CPU time of one thread, in milliseconds (10 ms steps): all of it, and the part spent in the kernel. */
export interface ThreadCpu {
  total: number;
  system: number;
}

/**
 * CPU time of a process's main thread alone (its JavaScript), without V8's helper threads
 * (parallel scavenges, concurrent marking and compilation) that run on the other core when
 * it is free. The system part is the kernel's work for it: socket reads and writes, and
 * memory the heap takes from the system (page faults, mappings).
 */
export function mainThreadCpuMs(pid: number | undefined): ThreadCpu {
  if (!pid) return { total: Number.NaN, system: Number.NaN };
  const fields = statFields(pid, `/proc/${pid}/task/${pid}/stat`);
  if (!fields) return { total: 0, system: 0 };
  const user = (Number(fields[11]) * 1000) / TICKS_PER_SECOND;
  const system = (Number(fields[12]) * 1000) / TICKS_PER_SECOND;
  return { total: user + system, system };
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
