import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { scheduleEvent } from "../../domain/events/schedule-event.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { executeAction, teamsInvoke } from "../support/teams-invoke.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const prefix = redisPrefix("evenement");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
let config: ReturnType<typeof testConfig>;

beforeAll(async () => {
  schema = await freshSchema("evenement");
  await seed(schema.db, { now: NOW });
  // Only the events this file creates occupy the rooms.
  await schema.db.event.updateMany({ where: { roomId: { not: null } }, data: { roomId: null, address: "ailleurs" } });
  connector = await new ConnectorStandIn().start();
  config = testConfig({ DATABASE_SCHEMA: schema.schema, REDIS_PREFIX: prefix });
  bot = await startBot(config, schema.db, () => NOW);
});
afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

async function reply(text: string): Promise<Record<string, unknown>> {
  const activity = teamsMessage({ serviceUrl: connector.url, text });
  const conversationId = (activity.conversation as { id: string }).id;
  expect((await bot.post(activity)).status).toBe(200);
  const [answer] = await connector.waitFor(1, conversationId);
  return answer?.activity ?? {};
}
const ask = async (text: string) => String((await reply(text)).text);
async function askCard(text: string): Promise<Record<string, unknown>> {
  const [attachment] = (await reply(text)).attachments as { content: Record<string, unknown> }[];
  expect(validateAdaptiveCard(attachment?.content ?? {})).toEqual([]);
  return attachment?.content ?? {};
}
async function invoke(verb: string, data: unknown): Promise<Record<string, unknown>> {
  const response = await bot.post(
    teamsInvoke({ serviceUrl: connector.url, name: "adaptiveCard/action", value: executeAction(verb, data) }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const LINE = "inauguration 2022-017 15/06/2027 18:00-20:00 Salle Henri-Emmanuelli";

describe("events over the Bot Framework protocol", () => {
  let eventId = 0;

  it("schedules an inauguration in one line and records the invitations in the outbox", async () => {
    const text = await ask(LINE);
    expect(text).toContain("C'est noté : **Inauguration : Skatepark de Grenade-sur-l'Adour**");
    expect(text).toContain("mardi 15 juin 2027, de 18 h 00 à 20 h 00, Salle Henri-Emmanuelli, Hôtel du Département");
    const event = await schema.db.event.findFirstOrThrow({
      where: { project: { reference: "2022-017" }, status: "PLANNED", roomId: { not: null } },
      include: { invitations: true },
    });
    eventId = event.id;
    expect(text).toContain(`événement n° ${event.id}`);
    expect(event.startsAt.toISOString()).toBe("2027-06-15T16:00:00.000Z");
    expect(event.sequence).toBe(0);
    // The porteur, the canton's two councillors, the mayor, then the four services.
    expect(event.invitations.map((i) => i.group).sort()).toEqual([
      "CABINET",
      "COMMUNICATION",
      "COUNCILLOR",
      "COUNCILLOR",
      "HOLDER",
      "MAYOR",
      "PRESS",
      "SECRETARIAT",
    ]);
    expect(event.invitations.find((i) => i.group === "PRESS")?.email).toBe(config.EVENT_PRESS_EMAIL);
    const notices = await schema.db.notification.findMany({
      where: { idempotencyKey: { startsWith: `event-invitation:${event.uid}:0:` } },
    });
    expect(notices).toHaveLength(event.invitations.length);
  });

  it("refuses, in French, a past date, an end before the start, a booked room (naming the event), a room too small", async () => {
    expect(await ask("inauguration 2022-017 15/06/2026 18:00-20:00 Mairie de Grenade")).toContain(
      "La date du lundi 15 juin 2026 à 18 h 00 est passée",
    );
    expect(await ask("inauguration 2022-017 16/06/2027 20:00-18:00 Mairie de Grenade")).toContain(
      "L'heure de fin doit suivre l'heure de début.",
    );
    const booked = await ask("inauguration 2022-017 15/06/2027 19:00-21:00 salle henri-emmanuelli");
    expect(booked).toContain(
      `déjà réservée pour « Inauguration : Skatepark de Grenade-sur-l'Adour » (événement n° ${eventId}`,
    );
    await schema.db.room.updateMany({ where: { name: "Salle des commissions" }, data: { capacity: 3 } });
    expect(await ask("inauguration 2022-017 17/06/2027 18:00-20:00 Salle des commissions")).toMatch(
      /La salle Salle des commissions accueille 3 personnes, pour \d+ invités/,
    );
    expect(await ask("inauguration 2022-017 17/06/2027 18:00-20:00 Salle des fêtes")).toContain(
      "Je ne connais pas la salle",
    );
    expect(await schema.db.event.count({ where: { startsAt: { gte: new Date("2027-06-16T00:00:00Z") } } })).toBe(0);
  });

  it("opens the form, and event.save refuses malformed addresses, naming each one, then schedules", async () => {
    const form = await askCard("inauguration 2022-017");
    expect(JSON.stringify(form)).toContain('"id":"date"');
    const data = {
      reference: "2022-017",
      kind: "INAUGURATION",
      date: "2027-06-18",
      start: "18:00",
      end: "19:30",
      roomId: "",
      address: "Skatepark, avenue de la Gare, 40270 Grenade-sur-l'Adour",
      description: "Coupe du ruban",
      groups: "HOLDER,MAYOR",
      extraEmails: "jean.dupont@, ami@example.org; marie",
    };
    const refused = await invoke("event.save", data);
    const again = JSON.stringify(refused.value);
    expect(again).toContain("« jean.dupont@ » n'est pas une adresse e-mail valide.");
    expect(again).toContain("« marie » n'est pas une adresse e-mail valide.");
    expect(again).toContain("Coupe du ruban");
    const saved = await invoke("event.save", { ...data, extraEmails: "ami@example.org" });
    const card = saved.value as Record<string, unknown>;
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain("vendredi 18 juin 2027, de 18 h 00 à 19 h 30");
    const event = await schema.db.event.findFirstOrThrow({
      where: { description: "Coupe du ruban" },
      include: { invitations: true },
    });
    expect(event.invitations.map((i) => i.group).sort()).toEqual(["HOLDER", "MAYOR", "OTHER"]);
    expect(event.invitations.some((i) => i.email === "ami@example.org")).toBe(true);
  });

  it("lists the rooms, and the free ones at a time (2 h by default)", async () => {
    const all = await ask("salles");
    expect(all).toContain("**Salles du Département** (7)");
    const free = await ask("salles libres 15/06/2027 19:00");
    expect(free).toContain("**Salles libres** le mardi 15 juin 2027, de 19 h 00 à 21 h 00 (6)");
    expect(free).not.toContain("Henri-Emmanuelli");
    expect(await ask("salles libres 15/06/2027 20:00")).toContain("(7)");
  });

  it("lists upcoming events with their answers, and shows an event's card, refreshable", async () => {
    const list = await ask("événements");
    expect(list).toContain(`**n° ${eventId}** Inauguration : Skatepark de Grenade-sur-l'Adour`);
    expect(list).toMatch(/\d+ invités : 0 vient, 0 ne vient pas, \d+ sans réponse/);
    await schema.db.invitation.updateMany({ where: { eventId, group: "HOLDER" }, data: { rsvp: "ACCEPTED" } });
    const card = await askCard(`événement ${eventId}`);
    expect(JSON.stringify(card)).toContain("✅ vient");
    const refreshed = await invoke("event.refresh", { eventId });
    expect(JSON.stringify(refreshed.value)).toMatch(/1 vient, 0 ne vient pas/);
  });

  it("refuses to mark as held, from the card, an event still to come", async () => {
    const answer = await invoke("event.held", { eventId });
    expect(answer.value).toBe(`L'événement n° ${eventId} n'a pas encore commencé.`);
  });

  it("books a room once when two agents ask for it at the same time", async () => {
    const deps = { db: schema.db, config, now: NOW, actor: { agentId: null, name: "test" } };
    const draft = {
      kind: "INAUGURATION" as const,
      projectReference: "2022-017",
      startsAt: parisTime(2027, 9, 10, 18),
      endsAt: parisTime(2027, 9, 10, 20),
      place: "Salle du chai",
      groups: ["HOLDER" as const],
    };
    const results = await Promise.all([scheduleEvent(deps, draft), scheduleEvent(deps, draft)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused?.ok === false && refused.problems[0]).toContain("La salle Salle du chai est déjà réservée");
  });

  it("moves an event (SEQUENCE + 1, new notices) and cancels it (CANCEL notices)", async () => {
    const moved = await ask(`événement modifier ${eventId} 22/06/2027 18:00-20:00`);
    expect(moved).toContain("aura lieu mardi 22 juin 2027, de 18 h 00 à 20 h 00");
    const event = await schema.db.event.findUniqueOrThrow({ where: { id: eventId }, include: { invitations: true } });
    expect(event.sequence).toBe(1);
    expect(
      await schema.db.notification.count({
        where: { idempotencyKey: { startsWith: `event-invitation:${event.uid}:1:` } },
      }),
    ).toBe(event.invitations.length);
    const cancelled = await ask(`événement annuler ${eventId} "travaux non terminés"`);
    expect(cancelled).toContain("C'est annulé");
    expect(
      await schema.db.notification.count({ where: { idempotencyKey: { startsWith: `event-cancel:${event.uid}:2:` } } }),
    ).toBe(event.invitations.length);
    expect(await ask(`événement annuler ${eventId} "encore"`)).toContain(`L'événement n° ${eventId} est annulé.`);
  });

  it("marks an inauguration held: project INAUGURATED, bilan n+1 due a year later", async () => {
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference: "2022-017" } });
    const past = await schema.db.event.create({
      data: {
        uid: "test-held@landes.example.org",
        kind: "INAUGURATION",
        projectId: project.id,
        title: "Inauguration passée",
        startsAt: new Date("2026-11-21T15:00:00Z"),
        endsAt: new Date("2026-11-21T17:00:00Z"),
        address: "Grenade",
      },
    });
    const text = await ask(`événement tenu ${past.id}`);
    expect(text).toContain("bilan n+1 est attendu le dimanche 21 novembre 2027");
    const after = await schema.db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(after.status).toBe("INAUGURATED");
    expect(after.inauguratedAt?.toISOString()).toBe("2026-11-21T15:00:00.000Z");
    expect(after.reportDueAt?.toISOString()).toBe("2027-11-20T23:00:00.000Z");
  });
});
