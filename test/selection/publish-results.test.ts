import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter } from "../../bot/teams/create-adapter.ts";
import { createProactiveSender } from "../../bot/teams/send-proactive.ts";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { createLogger } from "../../domain/log/create-logger.ts";
import { publishResults } from "../../domain/selection/publish-results.ts";
import { postResults } from "../../jobs/processors/results-post.ts";
import type { RunningWorkers } from "../../jobs/start-workers.ts";
import { seed } from "../../prisma/seed.ts";
import { botTurns } from "../support/bot-turns.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { startTestWorker } from "../support/start-test-worker.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const CARD = "application/vnd.microsoft.card.adaptive";
const CHANNEL = "19:dpi-general@thread.tacv2";
// Seeded agents (prisma/seed-data/agents.ts): Claire is an admin, Julien an agent, Nathalie a reader.
const CLAIRE = { id: "29:person-1", name: "Claire Dufau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e01" };
const JULIEN = { id: "29:person-2", name: "Julien Lartigau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e02" };
const NATHALIE = {
  id: "29:person-6",
  name: "Nathalie Darrigrand",
  aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e06",
};
const logger = createLogger({ level: "silent", name: "selection-test" });
const prefix = redisPrefix("selection");
const config = testConfig({ REDIS_PREFIX: prefix, MAIL_RATE_MAX: "1000", MAIL_RATE_WINDOW_MS: "1000" });
let schema: FreshSchema;
let connector: ConnectorStandIn;
let smtp: SmtpTestServer;
let bot: RunningBot;
let worker: RunningWorkers | null = null;
let firstNumber = 0;

/** [reference, canton, youth, euros, votes, e-mail]: four winners, three left out, one not recevable. */
const IDEAS = [
  ["I2021-0001", "Dax-1", true, 20_000, 900, "ecole.dax@exemple.fr"],
  ["I2021-0002", "Dax-1", false, 40_000, 1_200, "skate.dax@exemple.fr"],
  ["I2021-0003", "Dax-1", false, 45_000, 300, "jardin.dax@exemple.fr"],
  ["I2021-0004", "Seignanx", false, 30_000, 500, "velo.seignanx@exemple.fr"],
  ["I2021-0005", "Seignanx", true, 110_000, 800, "college.seignanx@exemple.fr"],
  ["I2021-0006", "Grands Lacs", false, 150_000, 2_000, "piscine.lacs@exemple.fr"],
  ["I2021-0007", "Grands Lacs", false, 10_000, 0, "bancs.lacs@exemple.fr"],
] as const;

beforeAll(async () => {
  schema = await freshSchema("selection");
  await seed(schema.db, { now: NOW });
  const edition = await schema.db.edition.findUniqueOrThrow({ where: { year: 2021 } });
  firstNumber =
    ((await schema.db.project.aggregate({ where: { editionId: edition.id }, _max: { number: true } }))._max.number ??
      0) + 1;
  for (const [reference, cantonName, isYouth, euros, votes, email] of IDEAS) {
    const canton = await schema.db.canton.findFirstOrThrow({ where: { name: cantonName } });
    await schema.db.idea.create({
      data: {
        editionId: edition.id,
        reference,
        title: `Projet ${reference}`,
        holderName: `Porteur ${reference}`,
        contactEmail: email,
        cantonId: canton.id,
        isYouth,
        estimatedCents: euros * 100,
        onlineVotes: votes,
        status: "ELIGIBLE",
      },
    });
  }
  await schema.db.idea.create({
    data: {
      editionId: edition.id,
      reference: "I2021-0008",
      title: "Idée à ajuster",
      holderName: "Porteur à ajuster",
      contactEmail: "ajuster@exemple.fr",
      estimatedCents: 1_000_000,
      onlineVotes: 5_000,
      status: "TO_ADJUST",
    },
  });
  connector = await new ConnectorStandIn().start();
  smtp = await new SmtpTestServer().start();
  bot = await startBot({ ...config, DATABASE_SCHEMA: schema.schema }, schema.db, () => NOW);
});

afterAll(async () => {
  await worker?.close();
  await bot?.close();
  await connector?.stop();
  await smtp?.stop();
  await schema?.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

type Person = typeof CLAIRE;

/** One run of the worker's `results-post` job. */
const run = () =>
  postResults({
    db: schema.db,
    sender: createProactiveSender({ adapter: createAdapter(config, logger), appId: undefined, logger }),
    logger,
    now: () => NOW,
  });

/** Bot turns over the Bot Framework protocol (cards checked as Teams renders them). */
const turns = () => botTurns(bot, connector, CLAIRE);
const askCard = (text: string, from: Person) => turns().askCard(text, from);
const invoke = (verb: string, data: unknown, from: Person) => turns().invoke(verb, data, from);

/** The `data` of the card's « Publier » button, found in its confirmation card. */
function publishData(card: Record<string, unknown>): Record<string, unknown> | undefined {
  const show = (card.actions as Array<Record<string, unknown>> | undefined)?.find(
    (a) => a.title === "Publier les résultats",
  );
  const inner = show?.card as { actions: Array<{ verb: string; data: Record<string, unknown> }> } | undefined;
  return inner?.actions.find((a) => a.verb === "selection.publish")?.data;
}

const counts = async () => ({
  projects: await schema.db.project.count(),
  notifications: await schema.db.notification.count(),
  audit: await schema.db.auditLog.count(),
  holders: await schema.db.holder.count(),
});

describe("sélection and the publication of the results", () => {
  it("seeds each edition's selection rules", async () => {
    const rules = await schema.db.edition.findMany({
      select: {
        year: true,
        winnersPerCanton: true,
        youthWinnersPerCanton: true,
        exceptionalCapCents: true,
        exceptionalSlots: true,
      },
      orderBy: { year: "asc" },
    });
    expect(rules).toEqual([
      {
        year: 2019,
        winnersPerCanton: 1,
        youthWinnersPerCanton: 0,
        exceptionalCapCents: 10_000_000,
        exceptionalSlots: 3,
      },
      {
        year: 2021,
        winnersPerCanton: 2,
        youthWinnersPerCanton: 1,
        exceptionalCapCents: 10_000_000,
        exceptionalSlots: 3,
      },
      { year: 2022, winnersPerCanton: 0, youthWinnersPerCanton: 0, exceptionalCapCents: null, exceptionalSlots: 0 },
      { year: 2024, winnersPerCanton: 2, youthWinnersPerCanton: 1, exceptionalCapCents: null, exceptionalSlots: 0 },
    ]);
  });

  it("shows readers the dry run explained line by line, without the publish button", async () => {
    const card = await askCard("sélection 2021", NATHALIE);
    const json = JSON.stringify(card);
    expect(json).toContain("Sélection des lauréats — édition 2021");
    expect(json).toContain("Simulation : rien n'est enregistré ni envoyé");
    expect(json).toContain("Retenu : garantie cantonale, 1er projet jeune du canton de Dax-1");
    expect(json).toContain("Écarté : aucune voix");
    expect(json).toContain("Grands Lacs : 0 lauréat dont 0 jeune (faute d'autre idée pouvant être retenue)");
    expect(json).not.toContain("I2021-0008");
    expect(publishData(card)).toBeUndefined();
    expect(await schema.db.idea.count({ where: { won: { not: null } } })).toBe(0);
    expect(await connectorText("aide", NATHALIE)).toContain(
      "- **sélection 2021** : la sélection des lauréats, expliquée ligne à ligne",
    );
    expect(await connectorText("aide sélection", NATHALIE)).toContain(
      "**sélection canal** : tapé dans un canal d'équipe",
    );
  });

  it("refuses the publication to an agent, without confirmation, or for a selection other than the one reviewed", async () => {
    const before = await counts();
    const data = publishData(await askCard("sel 2021", CLAIRE));
    expect(data).toMatchObject({ year: 2021, fingerprint: expect.any(String) });
    expect((await invoke("selection.publish", { ...data, confirm: "oui" }, JULIEN)).value).toContain(
      "publier les résultats est réservé aux administrateurs",
    );
    expect((await invoke("selection.publish", { ...data, confirm: "non" }, CLAIRE)).value).toContain(
      "cochez la case de confirmation",
    );
    const stale = await invoke("selection.publish", { ...data, fingerprint: "0000", confirm: "oui" }, CLAIRE);
    expect(JSON.stringify(stale.value)).toContain("a changé depuis votre relecture");
    expect(await counts()).toEqual(before);
  });

  it("publishes once: projects, idea outcomes, e-mails to every porteur, audit, and the card in the channel", async () => {
    expect(await connectorText("sélection canal", JULIEN)).toBe(
      "C'est noté : la carte des résultats publiés sera envoyée dans ce canal **Général**.",
    );
    const before = await counts();
    const data = publishData(await askCard("sélection 2021", CLAIRE));
    const answer = await invoke("selection.publish", { ...data, confirm: "oui" }, CLAIRE);
    expect(answer.type).toBe(CARD);
    expect(validateAdaptiveCard(answer.value as Record<string, unknown>)).toEqual([]);
    const ref = (n: number) => `2021-${String(firstNumber + n).padStart(3, "0")}`;
    expect(JSON.stringify(answer.value)).toContain(
      `Résultats 2021 publiés : 4 projets lauréats créés (${ref(0)} à ${ref(3)}), 7 e-mails aux porteurs en cours d'envoi. La carte des résultats part dans le canal Général dans la minute.`,
    );
    expect(publishData(answer.value as Record<string, unknown>)).toBeUndefined();

    const projects = await schema.db.project.findMany({
      where: { reference: { in: [0, 1, 2, 3].map(ref) } },
      select: {
        reference: true,
        title: true,
        awardedCents: true,
        votes: true,
        isYouth: true,
        status: true,
        announcedAt: true,
        canton: { select: { name: true } },
        idea: { select: { reference: true } },
      },
      orderBy: { number: "asc" },
    });
    expect(
      projects.map((p) => [p.reference, p.idea?.reference, p.awardedCents, p.votes, p.isYouth, p.canton.name]),
    ).toEqual([
      [ref(0), "I2021-0002", 4_000_000, 1_200, false, "Dax-1"],
      [ref(1), "I2021-0001", 2_000_000, 900, true, "Dax-1"],
      [ref(2), "I2021-0004", 3_000_000, 500, false, "Seignanx"],
      [ref(3), "I2021-0003", 4_500_000, 300, false, "Dax-1"],
    ]);
    expect(projects.every((p) => p.status === "WINNER" && p.announcedAt?.getTime() === NOW.getTime())).toBe(true);
    const out = await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2021-0005" } });
    expect(out).toMatchObject({ won: false, projectId: null, rank: 4 });
    expect(out.selectionReason).toContain("des projets exceptionnels");
    expect((await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2021-0008" } })).won).toBeNull();
    expect((await schema.db.edition.findUniqueOrThrow({ where: { year: 2021 } })).publishedAt).toEqual(NOW);
    expect(await counts()).toEqual({
      projects: before.projects + 4,
      notifications: before.notifications + 7,
      audit: before.audit + 5,
      holders: before.holders + 4,
    });

    worker = await startTestWorker({ ...config, DATABASE_SCHEMA: schema.schema }, schema.db, smtp.url);
    const mails = await smtp.waitFor(7);
    const to = (address: string) => mails.find((m) => m.to.includes(address))!;
    expect(mails.flatMap((m) => m.to).sort()).toEqual(IDEAS.map((idea) => idea[5]).sort());
    expect(to("skate.dax@exemple.fr").parsed.subject).toContain(
      "est lauréat du Budget participatif citoyen des Landes",
    );
    expect(to("skate.dax@exemple.fr").parsed.text).toContain("40\u202f000,00\u00a0€");
    expect(to("skate.dax@exemple.fr").parsed.text).toContain(ref(0));
    expect(to("piscine.lacs@exemple.fr").parsed.subject).toContain(
      "Résultats du Budget participatif citoyen des Landes 2021",
    );
    expect(to("piscine.lacs@exemple.fr").parsed.text).toContain("2\u202f000 voix");
    expect(to("piscine.lacs@exemple.fr").parsed.html).toContain(
      "ne fait pas partie des projets lauréats (4 projets retenus)",
    );

    expect(await run()).toEqual({ posted: [2021], waiting: [] });
    const [posted] = await connector.waitFor(1, CHANNEL);
    const activity = posted?.activity as { text: string; attachments: Array<{ content: Record<string, unknown> }> };
    expect(activity.text).toBe("Résultats 2021 : 4 lauréats dont 1 projet jeune, 135\u202f000,00\u00a0€");
    const card = activity.attachments[0]?.content ?? {};
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(
      `${ref(1)} · Projet I2021-0001 · 20\u202f000,00\u00a0€ · 900 voix · projet jeune`,
    );
    // Posted once: the next run finds nothing owed.
    expect(await run()).toEqual({ posted: [], waiting: [] });
    expect(connector.activities.filter((a) => a.conversationId === CHANNEL)).toHaveLength(1);
  });

  it("publishing again creates nothing and sends nothing, and says when and by whom it was done", async () => {
    const before = await counts();
    const data = { year: 2021, fingerprint: "peu importe", confirm: "oui" };
    const again = await invoke("selection.publish", data, CLAIRE);
    expect(JSON.stringify(again.value)).toContain(
      "Les résultats 2021 ont déjà été publiés le samedi 28 novembre 2026 par Claire Dufau : rien de nouveau n'a été créé ni envoyé.",
    );
    expect(await counts()).toEqual(before);
    expect(JSON.stringify(await askCard("sélection 2021", NATHALIE))).toContain(
      "Résultats publiés le samedi 28 novembre 2026 par Claire Dufau",
    );
  });

  it("pages the explanation for readers", async () => {
    const page = await invoke("selection.page", { year: 2021, page: 1 }, NATHALIE);
    expect(page.type).toBe(CARD);
    expect(JSON.stringify(page.value)).toContain("Explication ligne à ligne");
  });

  it("publishes once when two admins click at the same moment", async () => {
    const edition = await schema.db.edition.findUniqueOrThrow({ where: { year: 2024 } });
    const dax = await schema.db.canton.findFirstOrThrow({ where: { name: "Dax-1" } });
    for (const n of [1, 2]) {
      await schema.db.idea.create({
        data: {
          editionId: edition.id,
          reference: `I2024-900${n}`,
          title: `Idée 2024 n° ${n}`,
          holderName: `Porteur 2024 n° ${n}`,
          contactEmail: `porteur2024-${n}@exemple.fr`,
          cantonId: dax.id,
          estimatedCents: 1_000_000,
          onlineVotes: 100 * n,
          status: "ELIGIBLE",
        },
      });
    }
    const before = await counts();
    const actor = { agentId: null, name: "Claire Dufau" };
    const outcomes = await Promise.all([
      publishResults(schema.db, { year: 2024, actor, now: NOW }),
      publishResults(schema.db, { year: 2024, actor, now: NOW }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["already", "published"]);
    expect((await counts()).projects).toBe(before.projects + 2);
    expect((await counts()).notifications).toBe(before.notifications + 2);
  });

  it("keeps the results card owed while no channel is chosen, and posts it again on request", async () => {
    await schema.db.setting.deleteMany({ where: { key: { in: ["selection.canal", "veille.canal"] } } });
    expect(await run()).toEqual({ posted: [], waiting: [2024] });
    expect(await connectorText("sélection canal", JULIEN)).toContain("C'est noté");
    expect(await run()).toEqual({ posted: [2024], waiting: [] });
    expect(await connectorText("sélection carte 2021", JULIEN)).toBe(
      "La carte des résultats 2021 repartira dans le canal de l'équipe dans la minute.",
    );
    expect(await run()).toEqual({ posted: [2021], waiting: [] });
    expect(connector.activities.filter((a) => a.conversationId === CHANNEL)).toHaveLength(3);
    expect(await connectorText("sélection carte 2021", NATHALIE)).toContain("réservé aux agents");
  });

  it("forgets a channel the bot was removed from and keeps the card owed until a channel is chosen again", async () => {
    expect(await connectorText("sélection carte 2021", JULIEN)).toContain("repartira");
    connector.respondWith = () => ({ status: 403, headers: {} });
    try {
      expect(await run()).toEqual({ posted: [], waiting: [2021] });
    } finally {
      connector.respondWith = null;
    }
    expect(await schema.db.setting.count({ where: { key: "selection.canal" } })).toBe(0);
    const posts = connector.activities.filter((a) => a.conversationId === CHANNEL).length;
    expect(await connectorText("sélection canal", JULIEN)).toContain("C'est noté");
    expect(await run()).toEqual({ posted: [2021], waiting: [] });
    expect(connector.activities.filter((a) => a.conversationId === CHANNEL)).toHaveLength(posts + 1);
  });
});

async function connectorText(text: string, from: Person): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, from, conversationType: "channel", mention: true });
  const conversationId = (activity.conversation as { id: string }).id;
  expect((await bot.post(activity)).status).toBe(200);
  const [answer] = await connector.waitFor(1, conversationId);
  return String(answer?.activity.text);
}
