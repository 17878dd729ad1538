import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../domain/config/load-config.ts";
import { DomainError } from "../domain/errors/domain-error.ts";
import { importIdeas } from "../domain/ideas/import-ideas.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb } from "../prisma/create-db.ts";

/**
 * `npm run ideas -- idees.xlsx [--edition 2024]`: what importing the ideas exported from
 * the participation platform would do (dry run, nothing written); `--apply` writes them in
 * one transaction, refused as a whole if any row is invalid. Exit code 0 when every row is
 * valid (or applied), 1 otherwise, 2 for a usage error.
 */
const USAGE = "Usage : npm run ideas -- <fichier.csv|fichier.xlsx> [--edition 2024] [--apply]";
const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { apply: { type: "boolean", default: false }, edition: { type: "string" } },
  allowPositionals: true,
});
const [path, ...extra] = positionals;
if (!path || extra.length > 0 || (values.edition !== undefined && !/^\d{4}$/.test(values.edition))) {
  console.log(USAGE);
  process.exit(2);
}
const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
  console.log(`Je ne trouve pas le fichier ${path} (${error.code ?? error.message}).`);
  process.exit(2);
});
const config = loadConfig(process.env);
await applyMigrations({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
const db = createDb({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 2 });
try {
  const outcome = await importIdeas(db, {
    fileName: path,
    bytes,
    editionYear: values.edition === undefined ? undefined : Number(values.edition),
    apply: values.apply,
    now: new Date(),
  });
  console.log(outcome.report);
  const clean = outcome.mode === "applied" || (outcome.mode === "dry-run" && outcome.rejected.length === 0);
  process.exitCode = clean ? 0 : 1;
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.log(error.frenchMessage);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
