import { importIdeas } from "../domain/ideas/import-ideas.ts";
import { runImportCli } from "./run-import-cli.ts";

/**
 * `npm run ideas -- idees.xlsx [--edition 2024]`: what importing the ideas exported from
 * the participation platform would do (dry run, nothing written); `--apply` writes them in
 * one transaction, refused as a whole if any row is invalid. Exit code 0 when every row is
 * valid (or applied), 1 otherwise, 2 for a usage error.
 */
await runImportCli({
  usage: "Usage : npm run ideas -- <fichier.csv|fichier.xlsx> [--edition 2024] [--apply]",
  options: { apply: { type: "boolean", default: false }, edition: { type: "string" } },
  valid: (values) => values.edition === undefined || /^\d{4}$/.test(String(values.edition)),
  run: (db, { path, bytes, values }) =>
    importIdeas(db, {
      fileName: path,
      bytes,
      editionYear: values.edition === undefined ? undefined : Number(values.edition),
      apply: values.apply === true,
      now: new Date(),
    }),
});
