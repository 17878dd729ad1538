import { loadConfig } from "../domain/config/load-config.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";

/** `npm run migrate`: applies the pending SQL migrations to DATABASE_URL. */
const config = loadConfig(process.env);
const result = await applyMigrations({
  databaseUrl: config.DATABASE_URL,
  schema: config.DATABASE_SCHEMA,
  log: (line) => console.log(line),
});
console.log(
  result.applied.length
    ? `${result.applied.length} migration(s) appliquée(s).`
    : `Base à jour (${result.alreadyApplied.length} migration(s) déjà appliquée(s)).`,
);
