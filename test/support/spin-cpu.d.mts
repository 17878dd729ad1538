/** See spin-cpu.mjs. */
export declare function spinCpu(ms: number): number;
