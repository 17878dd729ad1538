import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { mainThreadCpuMs, processCpuMs } from "../../bench/support/process-cpu.ts";
import { spinCpu } from "../support/spin-cpu.mjs";

const SPIN_MODULE = new URL("../support/spin-cpu.mjs", import.meta.url).href;

// The latency bench's « fil principal » columns: the main thread's CPU must be told apart from
// the process's, which also counts its other threads.
describe("mainThreadCpuMs", () => {
  it("counts the main thread's own work and leaves out another thread's", async () => {
    const pid = process.pid;
    const before = mainThreadCpuMs(pid);
    const processBefore = processCpuMs(pid);
    spinCpu(150);
    const afterMain = mainThreadCpuMs(pid);
    // A worker thread spins as long: the process counts it, the main thread does not.
    const worker = new Worker(
      `import(${JSON.stringify(SPIN_MODULE)}).then(({ spinCpu }) => { spinCpu(150); require("node:worker_threads").parentPort.postMessage("done"); });`,
      { eval: true },
    );
    await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    const after = mainThreadCpuMs(pid);
    const processAfter = processCpuMs(pid);
    // Ticks are 10 ms.
    expect(afterMain.total - before.total).toBeGreaterThanOrEqual(150);
    expect(after.system).toBeGreaterThanOrEqual(before.system);
    expect(after.system - before.system).toBeLessThanOrEqual(after.total - before.total);
    const mainDuringWorker = after.total - afterMain.total;
    const processTotal = processAfter - processBefore;
    expect(processTotal - (after.total - before.total)).toBeGreaterThanOrEqual(150);
    expect(mainDuringWorker).toBeLessThan(100);
  });

  it("gives zero for a process that has ended, and NaN without a process", () => {
    expect(mainThreadCpuMs(2 ** 22 + 12_345)).toEqual({ total: 0, system: 0 });
    expect(mainThreadCpuMs(undefined).total).toBeNaN();
  });
});
