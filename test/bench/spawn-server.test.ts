import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortsFree, ROOT } from "../../bench/support/spawn-server.ts";
import { freePorts } from "../support/spawn-bot.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

let taken: Server | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (taken ? taken.close(() => resolve()) : resolve()));
  taken = null;
});

// The latency bench must not measure a bot left running by an interrupted run in place of its own.
describe("assertPortsFree", () => {
  it("refuses a port something already listens on, and says what to look for", async () => {
    const [free, busy] = (await freePorts(2)) as [number, number];
    const server = createServer();
    taken = server;
    await new Promise<void>((resolve) => server.listen(busy, "127.0.0.1", resolve));
    await expect(assertPortsFree([free, busy])).rejects.toThrow(`le port ${busy} est déjà pris`);
  });

  it("accepts free ports and leaves them free", async () => {
    const ports = await freePorts(2);
    await assertPortsFree(ports);
    await assertPortsFree(ports);
  });
});

// A bench that throws midway left its bots running: the next run then found its ports taken,
// and `npm run bench:bot | grep` never ended (the bots held the pipe open).
describe("spawnServer", () => {
  it("stops the servers it started when the bench fails", async () => {
    const [port] = (await freePorts(1)) as [number];
    const bench = spawn(
      process.execPath,
      ["--import", "tsx", "test/bench/fixtures/throw-after-spawn.ts", String(port), testConfig().DATABASE_URL],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    let errors = "";
    bench.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    bench.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    // Both pipes close only once no process holds them: the bench's, and the server's stderr.
    const closed = new Promise<number | null>((resolve) => bench.once("close", resolve));
    const pid = () => Number(output.trim());
    const stuck = new Promise<"stuck">((resolve) => setTimeout(() => resolve("stuck"), 15_000).unref());
    const ended = await Promise.race([closed, stuck]);
    if (ended === "stuck" && pid() > 0) process.kill(pid(), "SIGKILL");
    expect(ended, "la sortie du banc reste ouverte : le bot écho tourne encore").not.toBe("stuck");
    expect(ended).not.toBe(0);
    expect(errors).toContain("mesure interrompue");
    expect(pid()).toBeGreaterThan(0);
    await waitUntil(() => !isAlive(pid()), "l'arrêt du bot écho", 10_000);
    await assertPortsFree([port]);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
