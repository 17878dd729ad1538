import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureServices, type ServicesOptions, stopServices } from "../../scripts/services.ts";
import { testDatabaseUrl } from "../../scripts/test-database-url.ts";

/** A loopback TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("pas de port libre");
  return address.port;
}

async function currentDatabase(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>("SELECT current_database() AS name");
    return result.rows[0]?.name ?? "";
  } finally {
    await client.end();
  }
}

async function ping(redisUrl: string): Promise<string> {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

describe("ensureServices on a machine without PostgreSQL nor Redis at the URLs", () => {
  let options: ServicesOptions;
  const lines: string[] = [];

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "bpc40-services-"));
    options = {
      databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/bpc40`,
      redisUrl: `redis://127.0.0.1:${await freePort()}/0`,
      dataDir,
      log: (line) => lines.push(line),
    };
  });

  afterAll(async () => {
    await stopServices(options);
    await rm(options.dataDir ?? "", { recursive: true, force: true });
  });

  test("starts both from the data folder and creates the databases", { timeout: 45_000 }, async () => {
    const report = await ensureServices(options);

    expect(report).toEqual({ postgres: "started", redis: "started", createdDatabases: ["bpc40", "bpc40_test"] });
    expect(await currentDatabase(testDatabaseUrl(options.databaseUrl))).toBe("bpc40_test");
    expect(await ping(options.redisUrl)).toBe("PONG");
    expect(lines.some((line) => line.startsWith("PostgreSQL démarré depuis"))).toBe(true);
    expect(lines.some((line) => line.startsWith("Redis démarré depuis"))).toBe(true);
  });

  test("a second run only checks", async () => {
    lines.length = 0;
    const report = await ensureServices(options);

    expect(report).toEqual({ postgres: "available", redis: "available", createdDatabases: [] });
    expect(lines).toEqual([
      `PostgreSQL déjà disponible sur ${new URL(options.databaseUrl).host}`,
      `Redis déjà disponible sur ${new URL(options.redisUrl).host}`,
    ]);
  });
});

describe("ensureServices with the machine's own services running", () => {
  test("starts nothing and leaves the data folder empty", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "bpc40-services-"));
    try {
      const report = await ensureServices({
        databaseUrl: "postgresql://postgres@127.0.0.1:5432/test",
        redisUrl: "redis://127.0.0.1:6379/0",
        dataDir,
        log: () => {},
      });

      expect(report.postgres).toBe("available");
      expect(report.redis).toBe("available");
      expect(existsSync(join(dataDir, "postgres"))).toBe(false);
      expect(existsSync(join(dataDir, "redis"))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("npm run services", () => {
  test("exits with code 1 and a French message when a remote server does not answer", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/services.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@db.invalid:5432/bpc40" },
    });

    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("PostgreSQL ne répond pas sur db.invalid:5432"),
    });
  });
});
