import pg from "pg";
import { applyMigrations } from "../../prisma/apply-migrations.ts";
import { createDb } from "../../prisma/create-db.ts";
import { isDatabaseEmpty, seed } from "../../prisma/seed.ts";

/** Creates the benchmarks' database when missing (a fresh machine only has `bpc40`). */
export async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * The benchmarks' database (`bpc40_bench`, beside the one `databaseUrl` names): created,
 * migrated and seeded when new. The projects are added by `makeProjects`. Returns its URL.
 */
export async function prepareBenchDatabase(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  url.pathname = "/bpc40_bench";
  const benchUrl = url.toString();
  await ensureDatabase(benchUrl);
  await applyMigrations({ databaseUrl: benchUrl });
  const db = createDb({ databaseUrl: benchUrl, max: 2 });
  try {
    if (await isDatabaseEmpty(db)) await seed(db);
  } finally {
    await db.$disconnect();
  }
  return benchUrl;
}
