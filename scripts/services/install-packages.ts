import { findExecutable } from "./find-executable.ts";
import { isRoot } from "./is-root.ts";
import { lastLines, runCommand } from "./run-command.ts";
import { ServiceError } from "./service-error.ts";
import type { Log } from "./services-options.ts";

/** The one line a developer without root rights runs to get both services. */
export const INSTALL_HINT = "sudo apt-get install -y postgresql redis-server";

/**
 * Installs Debian packages with apt-get when this process is root (a fresh container or CI
 * machine). Otherwise throws a ServiceError saying exactly what to install: changing a
 * developer's machine is their call.
 */
export async function installPackages(packages: string[], what: string, log: Log): Promise<void> {
  if (!isRoot()) {
    throw new ServiceError(
      `${what} n'est pas installé sur cette machine. Installez-le puis relancez : ${INSTALL_HINT}`,
    );
  }
  if (!findExecutable("apt-get")) {
    throw new ServiceError(
      `${what} n'est pas installé et apt-get est absent : installez PostgreSQL et Redis avec le gestionnaire de paquets du système (sur Debian/Ubuntu : ${INSTALL_HINT}).`,
    );
  }
  log(`${what} absent : installation de ${packages.join(", ")} avec apt-get…`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", ...packages]]) {
    const result = await runCommand("apt-get", args, { env });
    if (result.code !== 0) {
      throw new ServiceError(`apt-get ${args.join(" ")} a échoué :\n${lastLines(result.output)}`);
    }
  }
}
