import { expect } from "vitest";
import type { ConnectorStandIn } from "./connector-stand-in.ts";
import type { RunningBot } from "./start-bot.ts";
import { AGENT_USER, teamsMessage } from "./teams-activity.ts";
import { executeAction, teamsInvoke } from "./teams-invoke.ts";
import { validateAdaptiveCard } from "./validate-adaptive-card.ts";

const CARD = "application/vnd.microsoft.card.adaptive";

/** Who speaks in a turn: a Teams account. */
export type Speaker = typeof AGENT_USER;

/**
 * The turns a bot conversation test takes over the Bot Framework protocol, as `from`:
 * `reply` posts a message and returns the bot's single reply activity; `askCard` expects
 * a card, checks it as Teams would render it and returns it; `invoke` sends an
 * `Action.Execute` and returns Teams' answer, its card checked too.
 */
export function botTurns(bot: RunningBot, connector: ConnectorStandIn, defaultFrom: Speaker = AGENT_USER) {
  async function reply(text: string, from = defaultFrom): Promise<Record<string, unknown>> {
    const activity = teamsMessage({ serviceUrl: connector.url, text, from });
    const conversationId = (activity.conversation as { id: string }).id;
    expect((await bot.post(activity)).status).toBe(200);
    const [answer] = await connector.waitFor(1, conversationId);
    return answer?.activity ?? {};
  }
  async function askCard(text: string, from = defaultFrom): Promise<Record<string, unknown>> {
    const activity = await reply(text, from);
    const [attachment] = activity.attachments as { contentType: string; content: Record<string, unknown> }[];
    expect(attachment?.contentType).toBe(CARD);
    expect(validateAdaptiveCard(attachment?.content ?? {})).toEqual([]);
    return attachment?.content ?? {};
  }
  async function invoke(verb: string, data: unknown, from = defaultFrom): Promise<{ type: string; value: unknown }> {
    const activity = teamsInvoke({
      serviceUrl: connector.url,
      name: "adaptiveCard/action",
      value: executeAction(verb, data),
    });
    activity.from = from;
    const response = await bot.post(activity);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; value: unknown };
    if (body.type === CARD) expect(validateAdaptiveCard(body.value as Record<string, unknown>)).toEqual([]);
    return body;
  }
  return { reply, askCard, invoke };
}
