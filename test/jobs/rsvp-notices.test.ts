import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter } from "../../bot/teams/create-adapter.ts";
import { createProactiveSender } from "../../bot/teams/send-proactive.ts";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { scheduleEvent } from "../../domain/events/schedule-event.ts";
import { createLogger } from "../../domain/log/create-logger.ts";
import { sendRsvpNotices } from "../../jobs/processors/rsvp-notices.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { BOT, TENANT_ID } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const config = testConfig();
const logger = createLogger({ level: "silent", name: "rsvp-notices-test" });
let schema: FreshSchema;
let connector: ConnectorStandIn;
let eventId = 0;

beforeAll(async () => {
  schema = await freshSchema("rsvp_notices");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  const agent = await schema.db.agent.findFirstOrThrow({ where: { role: "AGENT", active: true } });
  const conversationId = "a:organiser";
  await schema.db.conversationReference.create({
    data: {
      conversationId,
      conversationType: "personal",
      serviceUrl: connector.url,
      tenantId: TENANT_ID,
      agentId: agent.id,
      reference: {
        bot: BOT,
        user: { id: `29:${agent.aadObjectId}`, name: agent.name, aadObjectId: agent.aadObjectId },
        conversation: { id: conversationId, conversationType: "personal", tenantId: TENANT_ID },
        channelId: "msteams",
        serviceUrl: connector.url,
        locale: "fr-FR",
      },
    },
  });
  const result = await scheduleEvent(
    { db: schema.db, config, now: NOW, actor: { agentId: agent.id, name: agent.name } },
    {
      kind: "INAUGURATION",
      projectReference: "2022-017",
      startsAt: parisTime(2027, 6, 15, 18),
      endsAt: parisTime(2027, 6, 15, 20),
      place: "Mairie de Grenade-sur-l'Adour",
      groups: ["CABINET", "PRESS", "MAYOR"],
    },
  );
  if (!result.ok) throw new Error(result.problems.join(" / "));
  eventId = result.event.id;
  // Only this file's event has an organiser to tell.
  await schema.db.event.updateMany({ where: { id: { not: eventId } }, data: { organizerId: null } });
});
afterAll(async () => {
  await connector?.stop();
  await schema?.drop();
});

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const answer = (group: "CABINET" | "PRESS" | "MAYOR", rsvp: "ACCEPTED" | "DECLINED", at: Date) =>
  schema.db.invitation.updateMany({ where: { eventId, group }, data: { rsvp, respondedAt: at } });
function run(at: Date) {
  const sender = createProactiveSender({
    adapter: createAdapter(config, logger),
    appId: undefined,
    logger,
    perSecond: 20,
  });
  return sendRsvpNotices({ db: schema.db, sender, logger, now: () => at });
}

describe("the organiser's notices of RSVP answers", () => {
  it("batches the answers: at most one message per event every 15 minutes, each answer told once", async () => {
    await answer("CABINET", "ACCEPTED", minutes(1));
    await answer("PRESS", "DECLINED", minutes(2));
    expect(await run(minutes(3))).toEqual({ sent: 1, noChat: 0 });
    const [first] = await connector.waitFor(1, "a:organiser");
    const text = String(first?.activity.text);
    expect(text).toContain("**Nouvelles réponses** pour « Inauguration : Skatepark de Grenade-sur-l'Adour »");
    expect(text).toContain("- Cabinet du Président : vient");
    expect(text).toContain("- Presse : ne vient pas");
    expect(text).toContain("En tout : 1 oui, 1 non, 1 sans réponse.");

    expect(await run(minutes(4))).toEqual({ sent: 0, noChat: 0 });
    await answer("MAYOR", "ACCEPTED", minutes(5));
    expect(await run(minutes(10))).toEqual({ sent: 0, noChat: 0 });
    expect(await run(minutes(19))).toEqual({ sent: 1, noChat: 0 });
    const [, second] = await connector.waitFor(2, "a:organiser");
    expect(String(second?.activity.text)).not.toContain("Cabinet");
    expect(String(second?.activity.text)).toContain("En tout : 2 oui, 1 non, 0 sans réponse.");
    expect(await run(minutes(40))).toEqual({ sent: 0, noChat: 0 });
  });
});

describe("the organiser's message the day before", () => {
  it("tells where things stand once, the day before the event (Paris day)", async () => {
    const before = connector.activities.length;
    const twoDaysBefore = parisTime(2027, 6, 13, 10);
    expect(await run(twoDaysBefore)).toEqual({ sent: 0, noChat: 0 });
    const dayBefore = parisTime(2027, 6, 14, 8);
    expect(await run(dayBefore)).toEqual({ sent: 1, noChat: 0 });
    const all = await connector.waitFor(before + 1, "a:organiser");
    const text = String(all.at(-1)?.activity.text);
    expect(text).toContain("**Demain** : « Inauguration : Skatepark de Grenade-sur-l'Adour »");
    expect(text).toContain("mardi 15 juin 2027 à 18 h 00");
    expect(text).toContain("2 oui, 1 non, 0 sans réponse");
    expect(await run(parisTime(2027, 6, 14, 18))).toEqual({ sent: 0, noChat: 0 });
  });
});
