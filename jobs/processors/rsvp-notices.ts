import type { ProactiveSender } from "../../bot/teams/send-proactive.ts";
import { findRsvpNews, type RsvpNews, recordRsvpNotice } from "../../domain/events/find-rsvp-news.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import type { Db } from "../../prisma/create-db.ts";

export interface RsvpNoticeDeps {
  db: Db;
  sender: ProactiveSender;
  logger: Logger;
  now: () => Date;
}

const labels = {
  ACCEPTED: "vient",
  DECLINED: "ne vient pas",
  TENTATIVE: "peut-être",
  NEEDS_ACTION: "sans réponse",
} as const;

/** The French message an organiser gets: the new answers, then where the event stands. */
export function describeRsvpNews(news: RsvpNews): string {
  const { accepted, declined, pending } = news.counts;
  const lines = news.answers.map((a) => `- ${a.who} : ${labels[a.rsvp]}`);
  return `**Nouvelles réponses** pour « ${news.title} » (n° ${news.eventId}) :\n\n${lines.join("\n")}\n\nEn tout : ${accepted} oui, ${declined} non, ${pending} sans réponse. Détail : **événement ${news.eventId}**.`;
}

/**
 * Tells each organising agent, in their personal chat with the bot, the answers that
 * came in since the last notice (run every 15 minutes by a job scheduler). The notice
 * is recorded only once sent, so a failed send is retried at the next run; an organiser
 * with no chat is recorded as told (the event card still shows the answers).
 */
export async function sendRsvpNotices(deps: RsvpNoticeDeps): Promise<{ sent: number; noChat: number }> {
  const now = deps.now();
  const result = { sent: 0, noChat: 0 };
  for (const news of await findRsvpNews(deps.db, now)) {
    const chat = await deps.db.conversationReference.findFirst({
      where: { agentId: news.organizerId, conversationType: "personal" },
      select: { id: true, reference: true },
      orderBy: { updatedAt: "desc" },
    });
    if (chat) {
      const sent = await deps.sender.send(chat.reference as Record<string, unknown>, { text: describeRsvpNews(news) });
      if (sent === "gone") await deps.db.conversationReference.delete({ where: { id: chat.id } });
      else result.sent += 1;
    } else {
      result.noChat += 1;
    }
    await recordRsvpNotice(deps.db, news, now);
  }
  if (result.sent + result.noChat > 0) deps.logger.info(result, "réponses aux invitations signalées");
  return result;
}
