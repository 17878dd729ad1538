import { randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, MigrationError } from "../../prisma/apply-migrations.ts";
import { dropSchema } from "../support/fresh-schema.ts";
import { testConfig } from "../support/test-config.ts";

const databaseUrl = testConfig().DATABASE_URL;
const created: string[] = [];
const tempDirs: string[] = [];

function newSchema(): string {
  const schema = `t_migrate_${randomBytes(4).toString("hex")}`;
  created.push(schema);
  return schema;
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bpc40-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  for (const schema of created) await dropSchema(databaseUrl, schema);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("migrates an empty schema and records each migration as prisma migrate deploy does", async () => {
    const schema = newSchema();
    const result = await applyMigrations({ databaseUrl, schema });
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.alreadyApplied).toEqual([]);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "${schema}"."_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(result.applied);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
      [schema],
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["Project", "Notification", "AuditLog"]));
  });

  it("does nothing the second time", async () => {
    const schema = newSchema();
    const first = await applyMigrations({ databaseUrl, schema });
    const second = await applyMigrations({ databaseUrl, schema });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
  });

  it("is safe from two processes at once (advisory lock)", async () => {
    const schema = newSchema();
    const results = await Promise.all([
      applyMigrations({ databaseUrl, schema }),
      applyMigrations({ databaseUrl, schema }),
      applyMigrations({ databaseUrl, schema }),
    ]);
    const appliedTotal = results.flatMap((r) => r.applied);
    expect(new Set(appliedTotal).size).toBe(appliedTotal.length);
    const rows = await query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."_prisma_migrations"`);
    expect(Number(rows[0]?.n)).toBe(results[0]!.applied.length + results[0]!.alreadyApplied.length);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const schema = newSchema();
    const dir = await copyMigrations();
    const [first] = (await applyMigrations({ databaseUrl, schema, dir })).applied;
    await appendFile(join(dir, first!, "migration.sql"), "\n-- edited afterwards\n");
    await expect(applyMigrations({ databaseUrl, schema, dir })).rejects.toThrow(MigrationError);
    await expect(applyMigrations({ databaseUrl, schema, dir })).rejects.toThrow(/modifiée après avoir été appliquée/);
  });

  it("applies a new migration after the others and rolls back a failing one entirely", async () => {
    const schema = newSchema();
    const dir = await copyMigrations();
    await applyMigrations({ databaseUrl, schema, dir });
    await mkdir(join(dir, "29990101000000_add_note"));
    await writeFile(
      join(dir, "29990101000000_add_note", "migration.sql"),
      'ALTER TABLE "Project" ADD COLUMN "note" TEXT;',
    );
    expect((await applyMigrations({ databaseUrl, schema, dir })).applied).toEqual(["29990101000000_add_note"]);

    await mkdir(join(dir, "29990102000000_broken"));
    await writeFile(
      join(dir, "29990102000000_broken", "migration.sql"),
      'CREATE TABLE "Half" (id INT);\nALTER TABLE "Nope" ADD COLUMN x INT;',
    );
    await expect(applyMigrations({ databaseUrl, schema, dir })).rejects.toThrow(/29990102000000_broken/);
    const half = await query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'Half'",
      [schema],
    );
    expect(half).toEqual([]);
    const recorded = await query(
      `SELECT 1 FROM "${schema}"."_prisma_migrations" WHERE migration_name = '29990102000000_broken'`,
    );
    expect(recorded).toEqual([]);
  });
});
