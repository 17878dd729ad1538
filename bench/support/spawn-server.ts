import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Starts a TypeScript entry point as its own process and waits until `ready()` says so. */
export async function spawnServer(
  entry: string,
  args: string[],
  env: Record<string, string>,
  ready: () => Promise<boolean>,
  nodeFlags: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${entry} s'est arrêté (code ${child.exitCode})`);
    if (Date.now() > deadline) throw new Error(`${entry} ne démarre pas`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return child;
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakRssMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}
