import { buildResultsCard, resultsSummary } from "../../bot/cards/results-card.ts";
import type { ProactiveSender } from "../../bot/teams/send-proactive.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { loadPublishedResults } from "../../domain/selection/load-published-results.ts";
import { findResultsToPost, markResultsPosted, RESULTS_CHANNEL_KEY } from "../../domain/selection/results-post.ts";
import { findDigestChannel, forgetDigestChannel } from "../../domain/veille/digest-channel.ts";
import type { Db } from "../../prisma/create-db.ts";

export interface ResultsPostDeps {
  db: Db;
  sender: ProactiveSender;
  logger: Logger;
  now: () => Date;
}

/**
 * Posts the results card of every published edition still owed to the team channel: the
 * channel chosen with `sélection canal`, else the veille's. Runs every minute; a post
 * marked done is never repeated, one that fails (or waits for a channel) stays owed and
 * goes out at a later run. A channel the bot was removed from is forgotten.
 */
export async function postResults(deps: ResultsPostDeps): Promise<{ posted: number[]; waiting: number[] }> {
  const years = await findResultsToPost(deps.db);
  if (years.length === 0) return { posted: [], waiting: [] };
  const own = await findDigestChannel(deps.db, RESULTS_CHANNEL_KEY);
  const channel = own ?? (await findDigestChannel(deps.db));
  if (!channel) {
    deps.logger.info({ years }, "résultats à publier dans Teams : aucun canal choisi (sélection canal)");
    return { posted: [], waiting: years };
  }
  const posted: number[] = [];
  for (const year of years) {
    const results = await loadPublishedResults(deps.db, year);
    if (!results) continue;
    const sent = await deps.sender.send(channel.reference, {
      card: buildResultsCard(results),
      summary: resultsSummary(results),
    });
    if (sent === "gone") {
      await forgetDigestChannel(deps.db, own ? RESULTS_CHANNEL_KEY : undefined);
      deps.logger.warn({ year }, "carte des résultats : le bot n'est plus dans le canal, canal oublié");
      return { posted, waiting: years.filter((y) => !posted.includes(y)) };
    }
    await markResultsPosted(deps.db, year, deps.now());
    posted.push(year);
    deps.logger.info({ year, winners: results.winners.length }, "carte des résultats envoyée dans le canal");
  }
  return { posted, waiting: [] };
}
