import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations, quoteIdent } from "../../prisma/apply-migrations.ts";
import { createDb, type Db } from "../../prisma/create-db.ts";
import { testConfig } from "./test-config.ts";

export interface FreshSchema {
  schema: string;
  databaseUrl: string;
  db: Db;
  drop(): Promise<void>;
}

/** A new, migrated PostgreSQL schema for one test file; `drop()` removes it. */
export async function freshSchema(label: string): Promise<FreshSchema> {
  const databaseUrl = testConfig().DATABASE_URL;
  const schema = `t_${label}_${randomBytes(4).toString("hex")}`;
  await applyMigrations({ databaseUrl, schema });
  const db = createDb({ databaseUrl, schema, max: 4 });
  return {
    schema,
    databaseUrl,
    db,
    async drop() {
      await db.$disconnect();
      await dropSchema(databaseUrl, schema);
    },
  };
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
