import { importOnlineVotes } from "../domain/votes/import-online-votes.ts";
import { runImportCli } from "./run-import-cli.ts";

/**
 * `npm run votes -- resultats.xlsx [--edition 2024]`: what importing the online results
 * exported from the participation platform would change (dry run, nothing written);
 * `--appliquer` (or `--apply`, as the other imports) sets each idea's online votes in one
 * transaction, refused as a whole if any row is invalid. Exit code 0 when every row is
 * valid (or applied), 1 otherwise, 2 for a usage error.
 */
await runImportCli({
  usage: "Usage : npm run votes -- <fichier.csv|fichier.xlsx> [--edition 2024] [--appliquer]",
  options: {
    appliquer: { type: "boolean", default: false },
    apply: { type: "boolean", default: false },
    edition: { type: "string" },
  },
  valid: (values) => values.edition === undefined || /^\d{4}$/.test(String(values.edition)),
  run: (db, { path, bytes, values }) =>
    importOnlineVotes(db, {
      fileName: path,
      bytes,
      editionYear: values.edition === undefined ? undefined : Number(values.edition),
      apply: values.appliquer === true || values.apply === true,
      now: new Date(),
    }),
});
