/** What `npm run chat -- …` was asked. */
export type ChatArgs = { help: true } | { help: false; botUrl: string; raw: boolean } | { error: string };

export const CHAT_USAGE = [
  "Usage : npm run chat [-- --bot <url>] [--brut]",
  "  --bot <url>   point d'entrée du bot (par défaut http://localhost:<PORT>/api/messages)",
  "  --brut        affiche aussi le JSON brut reçu du bot (bascule avec /brut)",
  "Lignes envoyées par un tube : printf 'statut 2022-017\\n/quitter\\n' | npm run chat",
];

/** Reads the command line; the default bot address uses the configured PORT, like `npm start`. */
export function parseChatArgs(argv: string[], port: number): ChatArgs {
  let botUrl = `http://localhost:${port}/api/messages`;
  let raw = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === "--aide" || arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--brut" || arg === "--raw") raw = true;
    else if (arg === "--bot" || arg?.startsWith("--bot=")) {
      const value = arg === "--bot" ? argv[++index] : arg.slice("--bot=".length);
      if (!value || !/^https?:\/\/[^/]/.test(value)) {
        return { error: "--bot attend l'adresse du bot, ex. http://localhost:3978/api/messages" };
      }
      botUrl = value;
    } else {
      return { error: `Argument inconnu : ${arg}\n${CHAT_USAGE.join("\n")}` };
    }
  }
  return { help: false, botUrl, raw };
}
