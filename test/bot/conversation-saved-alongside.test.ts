import { beforeAll, describe, expect, it } from "vitest";
import { useSeededBot } from "../support/seeded-bot.ts";
import { waitForSearchMemory } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { waitUntil } from "../support/wait-until.ts";

/**
 * The first message of a conversation stores its reference (for proactive messages). A
 * message that only reads is answered while that write is on its way; the turn (and its
 * HTTP answer) ends once the reference is stored. A command that writes waits for it.
 */
const NOW = new Date("2026-11-28T09:00:00Z");
const running = useSeededBot("savealong", NOW);
// Answering while the write is on its way needs the change feed live: until it listens, the
// bot cannot tell its caches current, so a reading turn waits for the write like any other.
beforeAll(() => waitForSearchMemory(running.bot));

/**
 * Posts `text` in a new conversation while the table of references is locked: what happened
 * meanwhile. The lock is held until the reply arrives when one is expected (up to 10 s: a
 * loaded machine may take more than a moment for a fresh bot's first answer), for 400 ms
 * otherwise (a reply arriving then still counts), then 300 ms more before looking at the
 * HTTP answer.
 */
async function whileStoringIsHeld(text: string, conversationId: string, { expectReply }: { expectReply: boolean }) {
  const { schema, connector, bot } = running;
  const activity = teamsMessage({ serviceUrl: connector.url, text, conversationId });
  let posted: Promise<Response> | undefined;
  let repliedWhileHeld = false;
  let answeredWhileHeld = false;
  await schema.db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('LOCK TABLE "ConversationReference" IN EXCLUSIVE MODE');
      posted = bot.post(activity);
      let settled = false;
      void posted.then(() => {
        settled = true;
      });
      const deadline = Date.now() + (expectReply ? 10_000 : 400);
      do {
        await new Promise((resolve) => setTimeout(resolve, 20));
        repliedWhileHeld = connector.activities.some(
          (a) => a.replyToId === activity.id && a.activity.type === "message",
        );
      } while (!repliedWhileHeld && Date.now() < deadline);
      // The lock stays a while longer: a turn that did not wait for the write would end meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 300));
      answeredWhileHeld = settled;
    },
    { timeout: 20_000 },
  );
  expect((await posted)?.status).toBe(200);
  const stored = await schema.db.conversationReference.findUnique({ where: { conversationId } });
  return { repliedWhileHeld, answeredWhileHeld, stored: stored !== null, activityId: activity.id };
}

describe("the conversation reference of a first message", () => {
  it("does not hold back the answer of a command that only reads; the turn ends once it is stored", async () => {
    const result = await whileStoringIsHeld("statut 2022-017", "a:save-alongside-read", { expectReply: true });
    expect(result.repliedWhileHeld).toBe(true);
    expect(result.answeredWhileHeld).toBe(false);
    expect(result.stored).toBe(true);
  });

  it("is stored before a command that writes runs", async () => {
    const result = await whileStoringIsHeld("facture 2022-017", "a:save-alongside-write", { expectReply: false });
    expect(result.repliedWhileHeld).toBe(false);
    expect(result.answeredWhileHeld).toBe(false);
    expect(result.stored).toBe(true);
    await waitUntil(
      () => running.connector.activities.some((a) => a.replyToId === result.activityId),
      "réponse à facture",
    );
  });
});
