import { relative } from "node:path";
import { allCommands } from "../bot/commands/route-command.ts";
import { ConfigError, loadConfig } from "../domain/config/load-config.ts";
import { buildManifest, buildPackage, PackageConfigError } from "../manifest/build-package.ts";
import { validateManifest } from "../manifest/validate-manifest.ts";

/**
 * `npm run package [-- --local]`: builds `manifest/build/bpc40-teams.zip`, the Teams app to
 * upload in Teams' admin center, from the configuration (MICROSOFT_APP_ID, PUBLIC_BASE_URL)
 * and the bot's routing table. Refuses an incomplete configuration or a manifest the
 * official schema rejects.
 */
const local = process.argv.includes("--local");
try {
  const config = loadConfig(process.env);
  const manifest = buildManifest(config, allCommands, { local });
  const problems = await validateManifest(manifest);
  if (problems.length > 0) {
    console.error(`Le manifeste ne respecte pas le schéma Teams ${manifest.manifestVersion} :`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  const file = await buildPackage(manifest);
  const commands = manifest.bots?.[0]?.commandLists?.[0]?.commands.map((command) => command.title) ?? [];
  console.log(`Paquet Teams écrit : ${relative(process.cwd(), file)}`);
  console.log(`  application ${manifest.id} · version ${manifest.version} · manifeste ${manifest.manifestVersion}`);
  console.log(`  bot et onglet sur ${manifest.staticTabs?.[0]?.contentUrl?.replace(/\/tab$/, "")}`);
  console.log(`  commandes proposées : ${commands.join(", ")}`);
  if (local && manifest.id !== config.MICROSOFT_APP_ID) {
    console.log("  --local : identifiant factice, paquet à lire seulement (Teams le refuserait).");
  }
} catch (error) {
  if (error instanceof PackageConfigError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
