// The search thread's entry: TypeScript is loaded through tsx, as in the main thread
// (a worker does not inherit the main thread's `--import tsx`).
import { register } from "tsx/esm/api";

register();
await import("./search-worker.ts");
