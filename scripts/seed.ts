import { loadConfig } from "../domain/config/load-config.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb } from "../prisma/create-db.ts";
import { describeSeedSummary, seed } from "../prisma/seed.ts";

/**
 * `npm run seed`: migrates DATABASE_URL, then loads the demo data. Safe to run again:
 * existing rows are left as they are and a second run reports that there was nothing to do.
 */
const config = loadConfig(process.env);
await applyMigrations({
  databaseUrl: config.DATABASE_URL,
  schema: config.DATABASE_SCHEMA,
  log: (line) => console.log(line),
});
const db = createDb({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 2 });
try {
  console.log(describeSeedSummary(await seed(db)));
} finally {
  await db.$disconnect();
}
