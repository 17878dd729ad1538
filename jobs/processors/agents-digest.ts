import type { Redis } from "ioredis";
import { buildDigestCard } from "../../bot/cards/digest-card.ts";
import type { ProactiveSender } from "../../bot/teams/send-proactive.ts";
import { buildDigest, summarizeDigest } from "../../domain/digest/build-digest.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import type { ReminderSettings } from "../../domain/reminders/reminder-settings.ts";
import type { Db } from "../../prisma/create-db.ts";

export interface DigestDeps {
  db: Db;
  redis: Redis;
  prefix: string;
  sender: ProactiveSender;
  settings: ReminderSettings;
  logger: Logger;
  now: () => Date;
}

export interface DigestRun {
  sent: number;
  alreadySent: number;
  gone: number;
}

/**
 * Sends the morning digest to every active agent who has a personal chat with the bot.
 * Each agent gets it once a day: a Redis mark per agent and day, set before sending and
 * removed if the send fails, so a retried job completes the round without repeating it.
 */
export async function sendAgentsDigest(deps: DigestDeps): Promise<DigestRun> {
  const now = deps.now();
  const digest = await buildDigest(deps.db, now, deps.settings);
  const card = buildDigestCard(digest);
  const summary = summarizeDigest(digest);
  const conversations = await deps.db.conversationReference.findMany({
    where: { conversationType: "personal", agent: { active: true, role: { in: ["AGENT", "ADMIN"] } } },
    select: { id: true, agentId: true, reference: true },
    orderBy: { id: "asc" },
  });
  const run: DigestRun = { sent: 0, alreadySent: 0, gone: 0 };
  const seenAgents = new Set<number>();
  const errors: unknown[] = [];
  for (const conversation of conversations) {
    const agentId = conversation.agentId!;
    if (seenAgents.has(agentId)) continue;
    seenAgents.add(agentId);
    const mark = `${deps.prefix}:digest:${digest.day}:${agentId}`;
    if ((await deps.redis.set(mark, "1", "EX", 2 * 86_400, "NX")) !== "OK") {
      run.alreadySent += 1;
      continue;
    }
    try {
      const result = await deps.sender.send(conversation.reference as Record<string, unknown>, { card, summary });
      if (result === "gone") {
        run.gone += 1;
        await deps.db.conversationReference.delete({ where: { id: conversation.id } });
      } else {
        run.sent += 1;
      }
    } catch (error) {
      await deps.redis.del(mark);
      errors.push(error);
      deps.logger.error({ err: (error as Error).message, agentId }, "point du jour non envoyé");
    }
  }
  if (errors.length) throw new Error(`${errors.length} point(s) du jour non envoyé(s) ; la tâche sera rejouée`);
  return run;
}
