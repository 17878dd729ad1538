import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Where the tab's browser tests look for Chromium (Debian's `chromium` package). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Makes `/usr/bin/chromium` exist for the tab's browser tests: installs Debian's package
 * when missing and running as root (a fresh CI machine; it may take a few minutes),
 * else says in French what to install. Returns false when Chromium is still missing.
 */
export function ensureChromium(log: (line: string) => void = (line) => console.log(line)): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.getuid?.() !== 0) {
    log(
      `Chromium est absent (${CHROMIUM_PATH}) : les tests de l'onglet Teams en ont besoin. Installez-le : sudo apt-get install -y chromium`,
    );
    return false;
  }
  log("Chromium est absent : installation du paquet Debian « chromium » (quelques minutes)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "chromium"]]) {
    const run = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (run.status !== 0) {
      log(`« apt-get ${args.join(" ")} » a échoué : installez Chromium à la main (apt-get install -y chromium).`);
      return false;
    }
  }
  return existsSync(CHROMIUM_PATH);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = ensureChromium() ? 0 : 1;
}
