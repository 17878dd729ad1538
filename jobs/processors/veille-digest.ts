import { buildVeilleDigestCard, veilleDigestSummary } from "../../bot/cards/veille-digest-card.ts";
import type { ProactiveSender } from "../../bot/teams/send-proactive.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { buildVeilleDigest, markVeilleDigestSent } from "../../domain/veille/build-veille-digest.ts";
import { findDigestChannel, forgetDigestChannel } from "../../domain/veille/digest-channel.ts";
import type { Db } from "../../prisma/create-db.ts";

export interface VeilleDigestDeps {
  db: Db;
  sender: ProactiveSender;
  logger: Logger;
  now: () => Date;
}

export type VeilleDigestRun = "sent" | "no-channel" | "nothing-new" | "gone";

/**
 * Posts the weekly watch digest (Monday 09:00 Paris) in the channel chosen with
 * `veille canal`. Nothing is posted when no channel was chosen or nothing is new.
 * The window starts at the last digest sent, so a retried job does not post twice;
 * a channel the bot was removed from is forgotten (the next `veille canal` sets another).
 */
export async function sendVeilleDigest(deps: VeilleDigestDeps): Promise<VeilleDigestRun> {
  const channel = await findDigestChannel(deps.db);
  if (!channel) {
    deps.logger.info("synthèse de la veille : aucun canal choisi (veille canal)");
    return "no-channel";
  }
  const digest = await buildVeilleDigest(deps.db, deps.now());
  if (!digest.groups.length && !digest.shared.length) return "nothing-new";
  const result = await deps.sender.send(channel.reference, {
    card: buildVeilleDigestCard(digest),
    summary: veilleDigestSummary(digest),
  });
  if (result === "gone") {
    await forgetDigestChannel(deps.db);
    deps.logger.warn("synthèse de la veille : le bot n'est plus dans le canal, canal oublié");
    return "gone";
  }
  await markVeilleDigestSent(deps.db, digest.until);
  deps.logger.info({ feeds: digest.groups.length, shared: digest.shared.length }, "synthèse de la veille envoyée");
  return "sent";
}
