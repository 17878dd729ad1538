import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";

/** The advisory lock key `prisma migrate deploy` takes, so the two never run together. */
const MIGRATE_LOCK_KEY = 72707369;

export const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url).pathname;

export interface ApplyMigrationsOptions {
  databaseUrl: string;
  schema?: string;
  dir?: string;
  log?: (message: string) => void;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/** A migration on disk whose checksum no longer matches the one recorded when it was applied. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/**
 * Applies the SQL migrations under `prisma/migrations` the way `prisma migrate deploy`
 * does: in name order, each in a transaction, recorded in `_prisma_migrations` with the
 * SHA-256 checksum of its file. Safe to run twice or from two processes at once
 * (session advisory lock). Refuses a migration edited after it was applied, or one
 * that failed before (fix it by hand, as with Prisma's P3009).
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<MigrationResult> {
  const { databaseUrl, schema = "public", dir = MIGRATIONS_DIR, log = () => {} } = options;
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Lock first: even CREATE SCHEMA/TABLE IF NOT EXISTS race between sessions.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
      await ensureMigrationsTable(client);
      return await applyPending(client, migrations, log);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(
  client: pg.Client,
  migrations: MigrationFile[],
  log: (message: string) => void,
): Promise<MigrationResult> {
  const recorded = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const byName = new Map(recorded.rows.map((row) => [row.migration_name, row]));
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const row = byName.get(migration.name);
    if (row && !row.finished_at) {
      throw new MigrationError(
        `La migration ${migration.name} a échoué lors d'un passage précédent : corrigez la base puis marquez-la comme résolue.`,
      );
    }
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError(
        `La migration ${migration.name} a été modifiée après avoir été appliquée (somme de contrôle différente) : créez une nouvelle migration au lieu de la modifier.`,
      );
    }
    if (row) {
      result.alreadyApplied.push(migration.name);
      continue;
    }
    await applyOne(client, migration);
    log(`migration appliquée : ${migration.name}`);
    result.applied.push(migration.name);
  }
  return result;
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
      id,
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new MigrationError(`La migration ${migration.name} n'a pas pu être appliquée : ${(error as Error).message}`);
  }
}

async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  // Same definition as the Prisma migration engine's, so `prisma migrate deploy` can take over.
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
}

async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
