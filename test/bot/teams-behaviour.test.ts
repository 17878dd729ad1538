import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorStandIn, type RecordedActivity } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { AGENT_USER, BOT, TENANT_ID, teamsMessage } from "../support/teams-activity.ts";
import { teamsInstallationUpdate, teamsMembersAdded } from "../support/teams-events.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const CAMILLE = { id: "29:camille", name: "Camille Dupouy", aadObjectId: "00000000-0000-4000-8000-000000000002" };
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
let slowBot: RunningBot;
let agentId: number;

beforeAll(async () => {
  schema = await freshSchema("teams");
  const agent = await schema.db.agent.create({
    data: { aadObjectId: AGENT_USER.aadObjectId, name: AGENT_USER.name, role: "AGENT" },
  });
  agentId = agent.id;
  connector = await new ConnectorStandIn().start();
  const config = testConfig({ DATABASE_SCHEMA: schema.schema });
  // A quick answer never waits 10 s: no typing indicator from this bot.
  bot = await startBot(config, schema.db, () => NOW, { botOptions: { typingDelayMs: 10_000 } });
  // Every answer that touches the database outlasts 0 ms: the "slow" path, without sleeping.
  slowBot = await startBot(config, schema.db, () => NOW, { botOptions: { typingDelayMs: 0 } });
});

afterAll(async () => {
  await bot?.close();
  await slowBot?.close();
  await connector?.stop();
  await schema?.drop();
});

const conversationOf = (activity: Record<string, unknown>) => (activity.conversation as { id: string }).id;
const sentTo = (conversationId: string) => connector.activities.filter((a) => a.conversationId === conversationId);

/** Posts an activity; the turn is over when the response comes (replies are sent within it). */
async function post(activity: Record<string, unknown>, target = bot): Promise<RecordedActivity[]> {
  const response = await target.post(activity);
  expect(response.status).toBe(200);
  return sentTo(conversationOf(activity));
}

function cardOf(recorded: RecordedActivity | undefined): Record<string, unknown> {
  const attachments = recorded?.activity.attachments as Array<{
    contentType: string;
    content: Record<string, unknown>;
  }>;
  expect(attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return attachments[0]?.content ?? {};
}

describe("the channel rule", () => {
  it("ignores a channel message that does not mention the bot (no reply)", async () => {
    const replies = await post(
      teamsMessage({ serviceUrl: connector.url, text: "statut 2022-017", conversationType: "channel" }),
    );
    expect(replies).toHaveLength(0);
  });

  it("answers a channel message that mentions the bot", async () => {
    const replies = await post(
      teamsMessage({ serviceUrl: connector.url, text: "aide", conversationType: "channel", mention: true }),
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.activity.text).toContain("Voici ce que je sais faire");
  });

  it("ignores a mention of someone else in a channel", async () => {
    const activity = teamsMessage({ serviceUrl: connector.url, text: "aide", conversationType: "channel" });
    activity.entities = [
      { type: "mention", text: "<at>Marie</at>", mentioned: { id: "29:someone-else", name: "Marie" } },
    ];
    expect(await post(activity)).toHaveLength(0);
  });

  it("answers in personal and group chats without a mention", async () => {
    for (const conversationType of ["personal", "groupChat"] as const) {
      const replies = await post(teamsMessage({ serviceUrl: connector.url, text: "aide", conversationType }));
      expect(replies.map((r) => r.activity.type)).toEqual(["message"]);
    }
  });
});

describe("the welcome card", () => {
  function expectWelcome(card: Record<string, unknown>) {
    expect(card.version).toBe("1.5");
    expect(card.type).toBe("AdaptiveCard");
    const text = JSON.stringify(card.body);
    expect(text).toContain("Budget participatif citoyen des Landes");
    expect(text).toContain("statut 2022-017");
    expect(text).toContain("Tapez **aide**");
    expect(text).not.toContain("agent ajouter"); // admin commands are not advertised to everyone
  }

  it("is posted when the bot is added to a conversation (membersAdded with the bot)", async () => {
    const replies = await post(
      teamsMembersAdded({ serviceUrl: connector.url, conversationType: "channel", members: [{ id: BOT.id }] }),
    );
    expect(replies).toHaveLength(1);
    expectWelcome(cardOf(replies[0]));
  });

  it("is posted once on installation (installationUpdate add), not again for the matching conversationUpdate", async () => {
    const install = teamsInstallationUpdate({ serviceUrl: connector.url, action: "add" });
    const replies = await post(install);
    expect(replies).toHaveLength(1);
    expectWelcome(cardOf(replies[0]));
    expect(replies[0]?.activity.text).toContain("aide"); // the text fallback (toActivity puts the summary there)
    const again = teamsMembersAdded({
      serviceUrl: connector.url,
      conversationId: conversationOf(install),
      members: [{ id: BOT.id }],
    });
    expect(await post(again)).toHaveLength(1);
  });

  it("welcomes again after the bot was removed and installed anew", async () => {
    const install = teamsInstallationUpdate({ serviceUrl: connector.url, action: "add" });
    const conversationId = conversationOf(install);
    await post(install);
    await post(teamsInstallationUpdate({ serviceUrl: connector.url, action: "remove", conversationId }));
    expect(await schema.db.conversationReference.count({ where: { conversationId } })).toBe(0);
    expect(
      await post(teamsInstallationUpdate({ serviceUrl: connector.url, action: "add", conversationId })),
    ).toHaveLength(2);
  });

  it("welcomes a person added to a group chat, by name, but not a new team member in a channel", async () => {
    const group = teamsMembersAdded({ serviceUrl: connector.url, conversationType: "groupChat", members: [CAMILLE] });
    const replies = await post(group);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(cardOf(replies[0]).body)).toContain("Bienvenue, Camille Dupouy !");
    const channel = teamsMembersAdded({ serviceUrl: connector.url, conversationType: "channel", members: [CAMILLE] });
    expect(await post(channel)).toHaveLength(0);
  });

  it("ignores installation upgrades", async () => {
    expect(await post(teamsInstallationUpdate({ serviceUrl: connector.url, action: "add-upgrade" }))).toHaveLength(0);
  });
});

describe("conversation references", () => {
  it("keeps the service URL exactly, links the agent in personal chat, and skips identical rewrites", async () => {
    const serviceUrl = `${connector.url}/emea/`;
    const first = teamsMessage({ serviceUrl, text: "aide" });
    const conversationId = conversationOf(first);
    expect(await post(first)).toHaveLength(1);
    const row = await schema.db.conversationReference.findUniqueOrThrow({ where: { conversationId } });
    expect(row).toMatchObject({ serviceUrl, conversationType: "personal", tenantId: TENANT_ID, agentId });
    expect(row.createdAt).toEqual(NOW);
    const reference = row.reference as Record<string, { id?: string } | string>;
    expect(reference.serviceUrl).toBe(serviceUrl);
    expect(reference.conversation).toMatchObject({ id: conversationId });
    expect(reference.bot).toMatchObject({ id: BOT.id });
    expect(reference.user).toMatchObject({ id: AGENT_USER.id });

    // Same conversation, same facts: the row is not written again (same xmin, same updatedAt).
    const version = async () =>
      (
        await schema.db.$queryRaw<Array<{ v: string }>>`
        SELECT xmin::text AS v FROM "ConversationReference" WHERE "conversationId" = ${conversationId}`
      )[0]?.v;
    const before = await version();
    await post(teamsMessage({ serviceUrl, text: "aide", conversationId }));
    expect(await version()).toBe(before);

    // Teams moved the conversation to another region: the new URL is kept, exactly.
    const moved = `${connector.url}/amer/`;
    await post(teamsMessage({ serviceUrl: moved, text: "aide", conversationId }));
    const updated = await schema.db.conversationReference.findUniqueOrThrow({ where: { conversationId } });
    expect(updated.serviceUrl).toBe(moved);
    expect(await version()).not.toBe(before);
  });

  it("records channel conversations without an agent, and conversationUpdate turns too", async () => {
    const channel = teamsMessage({
      serviceUrl: connector.url,
      text: "aide",
      conversationType: "channel",
      mention: true,
    });
    await post(channel);
    const row = await schema.db.conversationReference.findUniqueOrThrow({
      where: { conversationId: conversationOf(channel) },
    });
    expect(row).toMatchObject({ conversationType: "channel", agentId: null });
    const added = teamsMembersAdded({ serviceUrl: connector.url, conversationType: "groupChat", members: [CAMILLE] });
    await post(added);
    expect(await schema.db.conversationReference.count({ where: { conversationId: conversationOf(added) } })).toBe(1);
  });
});

describe("the typing indicator", () => {
  it("is sent before the reply when the answer outlasts the delay", async () => {
    const sent = await post(teamsMessage({ serviceUrl: connector.url, text: "statut 2022-999" }), slowBot);
    expect(sent.map((a) => a.activity.type)).toEqual(["typing", "message"]);
    expect(String(sent[1]?.activity.text)).toContain("Je ne trouve aucun projet 2022-999");
  });

  it("is not sent for a quick answer", async () => {
    const sent = await post(teamsMessage({ serviceUrl: connector.url, text: "statut 2022-999" }));
    expect(sent.map((a) => a.activity.type)).toEqual(["message"]);
  });
});
