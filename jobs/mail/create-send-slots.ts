/** Releases a slot taken with `acquire`; calling it twice releases once. */
export type ReleaseSlot = () => void;

export interface SendSlots {
  /** Waits (in arrival order) until fewer than `size` sends are in progress. */
  acquire(): Promise<ReleaseSlot>;
}

/**
 * A plain counting semaphore. The e-mail worker prepares more messages than it has SMTP
 * connections (reading rows and rendering while the connections are busy); slots bound
 * how many are handed to the SMTP pool at once, so a rate-limit reservation is never
 * made long before its message leaves, and the completion gate uses one to bound the
 * messages accepted by the server and not yet recorded.
 */
export function createSendSlots(size: number): SendSlots {
  let busy = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else busy -= 1;
  };
  return {
    acquire() {
      const once = () => {
        let done = false;
        return () => {
          if (done) return;
          done = true;
          release();
        };
      };
      if (busy < size) {
        busy += 1;
        return Promise.resolve(once());
      }
      return new Promise((resolve) => queue.push(() => resolve(once())));
    },
  };
}
