import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { CHROMIUM_PATH, ensureChromium } from "../../scripts/ensure-chromium.ts";

it("finds Chromium where the tab's browser tests look for it (npm test installs it first)", async () => {
  const lines: string[] = [];
  expect(ensureChromium((line) => lines.push(line))).toBe(true);
  expect(existsSync(CHROMIUM_PATH)).toBe(true);
  expect(lines).toEqual([]);
  const run = await promisify(execFile)("npx", ["tsx", "scripts/ensure-chromium.ts"]);
  expect(run.stdout).toBe("");
});
