/** Polls `check` until it returns true (or a value), failing with `what` after the timeout. */
export async function waitUntil<T>(
  check: () => Promise<T | false> | T | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== false) return result;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
