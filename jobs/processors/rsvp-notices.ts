import type { ProactiveSender } from "../../bot/teams/send-proactive.ts";
import { formatDateTime } from "../../domain/dates/format-date.ts";
import { type EveNotice, findEveNotices, recordEveNotice } from "../../domain/events/find-eve-notices.ts";
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

/** The day-before message: when, where, and who is coming. */
export function describeEveNotice(notice: EveNotice): string {
  const { accepted, declined, pending } = notice.counts;
  return `**Demain** : « ${notice.title} » (n° ${notice.eventId}), ${formatDateTime(notice.startsAt)}, ${notice.place}.\n\n${accepted} oui, ${declined} non, ${pending} sans réponse. Détail : **événement ${notice.eventId}**.`;
}

/**
 * Tells each organising agent, in their personal chat with the bot, the answers that
 * came in since the last notice, and the day before the event where it stands (run
 * every 15 minutes by a job scheduler). The notice
 * is recorded only once sent, so a failed send is retried at the next run; an organiser
 * with no chat is recorded as told (the event card still shows the answers).
 */
export async function sendRsvpNotices(deps: RsvpNoticeDeps): Promise<{ sent: number; noChat: number }> {
  const now = deps.now();
  const result = { sent: 0, noChat: 0 };
  const tell = async (organizerId: number, text: string) => {
    const chat = await deps.db.conversationReference.findFirst({
      where: { agentId: organizerId, conversationType: "personal" },
      select: { id: true, reference: true },
      orderBy: { updatedAt: "desc" },
    });
    if (!chat) {
      result.noChat += 1;
      return;
    }
    const sent = await deps.sender.send(chat.reference as Record<string, unknown>, { text });
    if (sent === "gone") await deps.db.conversationReference.delete({ where: { id: chat.id } });
    else result.sent += 1;
  };
  for (const news of await findRsvpNews(deps.db, now)) {
    await tell(news.organizerId, describeRsvpNews(news));
    await recordRsvpNotice(deps.db, news, now);
  }
  // The day before, each organiser gets where things stand (once per event).
  for (const notice of await findEveNotices(deps.db, now)) {
    await tell(notice.organizerId, describeEveNotice(notice));
    await recordEveNotice(deps.db, notice, now);
  }
  if (result.sent + result.noChat > 0) deps.logger.info(result, "réponses aux invitations signalées");
  return result;
}
