import { importSpreadsheet } from "../domain/import/import-spreadsheet.ts";
import { runImportCli } from "./run-import-cli.ts";

/**
 * `npm run import -- suivi.xlsx`: what importing the agents' existing tracking would do
 * (dry run, nothing written); `--apply` writes it in one transaction, refused as a whole
 * if any row is invalid unless `--skip-invalid`. Exit code 0 when every row is valid (or
 * the valid ones were applied with --skip-invalid), 1 otherwise, 2 for a usage error.
 */
await runImportCli({
  usage: "Usage : npm run import -- <fichier.xlsx|fichier.csv> [--apply] [--skip-invalid]",
  options: { apply: { type: "boolean", default: false }, "skip-invalid": { type: "boolean", default: false } },
  run: (db, { path, bytes, values }) =>
    importSpreadsheet(db, {
      fileName: path,
      bytes,
      apply: values.apply === true,
      skipInvalid: values["skip-invalid"] === true,
      now: new Date(),
    }),
});
