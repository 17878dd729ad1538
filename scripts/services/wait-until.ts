import { setTimeout as sleep } from "node:timers/promises";

/** Polls `check` until it returns true (→ true) or `timeoutMs` has passed (→ false). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}
