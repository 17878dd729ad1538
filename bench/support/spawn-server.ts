import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
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
  stopOnExit(child);
  const deadline = Date.now() + 60_000;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${entry} s'est arrêté (code ${child.exitCode})`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`${entry} ne démarre pas`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return child;
}

/** The servers this process started and that still run. */
const running = new Set<ChildProcess>();

/**
 * Stops `child` when this process exits, however it exits: a bench that throws midway
 * (or is interrupted) used to leave its bots running, holding the ports the next run
 * needs, and the pipe of its output open, so that `npm run bench:bot | grep` never ended.
 */
function stopOnExit(child: ChildProcess): void {
  if (!hooked) {
    hooked = true;
    process.once("exit", () => {
      for (const server of running) server.kill("SIGTERM");
    });
    // Interrupted, Node would stop without its exit event: go through it.
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const)
      process.once(signal, () => process.exit(code));
  }
  running.add(child);
  child.once("exit", () => running.delete(child));
}
let hooked = false;

/**
 * Throws when something already listens on one of `ports`: a server left running by an
 * interrupted run would answer in place of the one about to start, and be measured.
 */
export async function assertPortsFree(ports: readonly number[]): Promise<void> {
  for (const port of ports) {
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (!free)
      throw new Error(
        `le port ${port} est déjà pris : un bot d'une mesure précédente tourne peut-être encore (pgrep -af "bot/main.ts|echo-bot.ts")`,
      );
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakRssMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}
