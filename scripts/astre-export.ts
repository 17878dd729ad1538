import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../domain/config/load-config.ts";
import { parisDayKey } from "../domain/dates/paris-time.ts";
import { parseFrenchDate } from "../domain/dates/parse-french-date.ts";
import { DomainError } from "../domain/errors/domain-error.ts";
import { formatEuros } from "../domain/money/format-euros.ts";
import { type AstreSelection, findAstrePayments } from "../domain/payments/find-astre-payments.ts";
import { astreFileName, writeAstreCsv } from "../domain/payments/write-astre-csv.ts";
import { createDb } from "../prisma/create-db.ts";

/**
 * `npm run astre -- 2022` or `npm run astre -- --du 01/03/2026 --au 31/03/2026 [--out f.csv]`:
 * the payments to type into Astre as the same CSV the bot's `export astre` link gives.
 */
const USAGE = "Usage : npm run astre -- <édition> | --du jj/mm/aaaa --au jj/mm/aaaa [--out fichier.csv]";
const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { out: { type: "string", short: "o" }, du: { type: "string" }, au: { type: "string" } },
  allowPositionals: true,
});
const config = loadConfig(process.env);
const db = createDb({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: 2 });
try {
  const [editionText, ...extra] = positionals;
  let selection: AstreSelection;
  if (editionText !== undefined && /^\d{4}$/.test(editionText) && extra.length === 0 && !values.du && !values.au) {
    selection = { edition: Number(editionText) };
  } else if (editionText === undefined && values.du && values.au) {
    selection = { from: parisDayKey(parseFrenchDate(values.du)), to: parisDayKey(parseFrenchDate(values.au)) };
  } else {
    console.log(USAGE);
    process.exit(2);
  }
  const payments = await findAstrePayments(db, selection);
  const out = values.out ?? astreFileName(selection);
  await writeFile(out, writeAstreCsv(payments, config.ASTRE_IMPUTATION));
  const total = payments.reduce((sum, p) => sum + p.amountCents, 0);
  console.log(`Export Astre écrit dans ${out} : ${payments.length} versements, ${formatEuros(total)}.`);
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.log(error.frenchMessage.replace(/\*\*/g, ""));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
