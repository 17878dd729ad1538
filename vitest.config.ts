import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // Two cores here: a few files at once keeps PostgreSQL and Redis busy without thrashing.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["test/support/fail-on-console-error.ts"],
  },
});
