import { readFile } from "node:fs/promises";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { loadConfig } from "../domain/config/load-config.ts";
import { DomainError } from "../domain/errors/domain-error.ts";
import { applyMigrations } from "../prisma/apply-migrations.ts";
import { createDb, type Db } from "../prisma/create-db.ts";

export interface ImportOutcomeLike {
  mode: string;
  report: string;
  rejected: readonly unknown[];
}

type Values = Record<string, string | boolean | undefined>;

/**
 * The shared command line of the spreadsheet imports (`npm run import`, `npm run ideas`):
 * one file argument, its options, migrations, then the import's French report. Exit code
 * 0 when every row is valid (or applied), 1 otherwise, 2 for a usage error.
 */
export async function runImportCli(options: {
  usage: string;
  options: ParseArgsConfig["options"];
  /** Extra checks of the options; false prints the usage. */
  valid?: (values: Values) => boolean;
  run: (db: Db, input: { path: string; bytes: Buffer; values: Values }) => Promise<ImportOutcomeLike>;
}): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: options.options,
    allowPositionals: true,
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0 || (options.valid && !options.valid(values))) {
    console.log(options.usage);
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
    const outcome = await options.run(db, { path, bytes, values });
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
}
