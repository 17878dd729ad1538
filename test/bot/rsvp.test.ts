import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { scheduleEvent } from "../../domain/events/schedule-event.ts";
import { signToken } from "../../domain/links/signed-token.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const prefix = redisPrefix("rsvp");
let clock = NOW;
let schema: FreshSchema;
let bot: RunningBot;
let config: ReturnType<typeof testConfig>;
let acceptPath = "";
let declinePath = "";
let invitationId = 0;

beforeAll(async () => {
  schema = await freshSchema("rsvp");
  await seed(schema.db, { now: NOW });
  config = testConfig({ DATABASE_SCHEMA: schema.schema, REDIS_PREFIX: prefix });
  bot = await startBot(config, schema.db, () => clock);
  const result = await scheduleEvent(
    { db: schema.db, config, now: NOW, actor: { agentId: null, name: "test" } },
    {
      kind: "INAUGURATION",
      projectReference: "2022-017",
      startsAt: parisTime(2027, 6, 15, 18),
      endsAt: parisTime(2027, 6, 15, 20),
      place: "Mairie de Grenade-sur-l'Adour",
      groups: [],
      extraEmails: ["invite@example.org"],
    },
  );
  if (!result.ok) throw new Error(result.problems.join(" / "));
  const notice = await schema.db.notification.findFirstOrThrow({ where: { id: result.notificationIds[0] } });
  const payload = notice.payload as { acceptUrl: string; declineUrl: string };
  const path = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;
  acceptPath = path(payload.acceptUrl);
  declinePath = path(payload.declineUrl);
  invitationId = (await schema.db.invitation.findFirstOrThrow({ where: { email: "invite@example.org" } })).id;
});
afterAll(async () => {
  await bot?.close();
  await schema?.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

const rsvpOf = async () => schema.db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
async function call(method: "GET" | "POST", path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${bot.url}${path}`, { method });
  return { status: response.status, html: await response.text() };
}

describe("RSVP links", () => {
  it("shows a confirmation page on GET without recording anything", async () => {
    const page = await call("GET", acceptPath);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Confirmer : Je participerai");
    expect(page.html).toContain("mardi 15 juin 2027, de 18 h 00 à 20 h 00");
    expect((await rsvpOf()).rsvp).toBe("NEEDS_ACTION");
  });

  it("records the answer on POST, and a second click changes it", async () => {
    const accepted = await call("POST", acceptPath);
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain("vous participerez");
    expect(await rsvpOf()).toMatchObject({ rsvp: "ACCEPTED", respondedAt: NOW });
    clock = new Date(NOW.getTime() + 60_000);
    const declined = await call("POST", declinePath);
    expect(declined.html).toContain("vous ne pourrez pas venir");
    expect(await rsvpOf()).toMatchObject({ rsvp: "DECLINED", respondedAt: clock });
    expect((await call("POST", declinePath)).status).toBe(200);
    expect((await rsvpOf()).rsvp).toBe("DECLINED");
  });

  it("refuses a forged link with a French page and changes nothing", async () => {
    const forged = signToken("un-autre-secret-de-trente-deux-caracteres!", {
      i: invitationId,
      a: "ACCEPTED",
      exp: 2_000_000_000,
    });
    const page = await call("POST", `/rsvp?token=${forged}`);
    expect(page.status).toBe(400);
    expect(page.html).toContain("Ce lien de réponse n'est pas valide.");
    expect((await call("GET", "/rsvp")).html).toContain("Ce lien de réponse est incomplet.");
    expect((await rsvpOf()).rsvp).toBe("DECLINED");
  });

  it("refuses a link once the event is over", async () => {
    clock = new Date("2027-06-15T18:00:01Z");
    const page = await call("POST", acceptPath);
    expect(page.status).toBe(400);
    expect(page.html).toContain("Ce lien de réponse a expiré : l'événement est terminé.");
    expect((await rsvpOf()).rsvp).toBe("DECLINED");
    clock = NOW;
  });
});
