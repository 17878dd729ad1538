import { appendFile, chmod, chown, mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { OsUser } from "./lookup-user.ts";
import type { PostgresPaths } from "./postgres-paths.ts";
import type { Log } from "./services-options.ts";

/**
 * Creates the cluster folder. When `owner` is given (we run as root, PostgreSQL will run as
 * `postgres`), hands the folder and the log file to that user and makes every parent folder
 * traversable by it: only the o+x bit (no listing), and each change is logged, since a
 * project under /root would otherwise be out of the server's reach.
 */
export async function prepareClusterDir(paths: PostgresPaths, owner: OsUser | undefined, log: Log): Promise<void> {
  await mkdir(paths.clusterDir, { recursive: true, mode: 0o700 });
  if (!owner) return;
  await appendFile(paths.logFile, "");
  await chown(paths.clusterDir, owner.uid, owner.gid);
  await chown(paths.logFile, owner.uid, owner.gid);
  for (let dir = dirname(paths.clusterDir); ; dir = dirname(dir)) {
    const stats = await stat(dir);
    if (stats.uid !== owner.uid && (stats.mode & 0o001) === 0) {
      await chmod(dir, (stats.mode & 0o7777) | 0o001);
      log(`Droit de traversée (o+x) ajouté à ${dir} pour l'utilisateur postgres`);
    }
    if (dirname(dir) === dir) break;
  }
}
