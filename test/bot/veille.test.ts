import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapter } from "../../bot/teams/create-adapter.ts";
import { createProactiveSender } from "../../bot/teams/send-proactive.ts";
import { createLogger } from "../../domain/log/create-logger.ts";
import { VEILLE_CHANNEL_KEY } from "../../domain/veille/digest-channel.ts";
import { sendVeilleDigest } from "../../jobs/processors/veille-digest.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { FeedServer } from "../support/feed-server.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = new Date("2026-11-27T10:00:00Z");
const MONDAY = new Date("2026-11-30T08:00:00Z"); // 09:00 in Paris
const JULIEN = { id: "29:julien", name: "Julien Lartigau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e02" };
const NATHALIE = {
  id: "29:nathalie",
  name: "Nathalie Darrigrand",
  aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e06",
};
const CHANNEL = "19:dpi-general@thread.tacv2";
const logger = createLogger({ level: "silent", name: "veille-test" });
let schema: FreshSchema;
let connector: ConnectorStandIn;
let feeds: FeedServer;
let bot: RunningBot;
let config: ReturnType<typeof testConfig>;

beforeAll(async () => {
  schema = await freshSchema("veille");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  feeds = await new FeedServer().start();
  config = testConfig({ DATABASE_SCHEMA: schema.schema });
  bot = await startBot(config, schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await feeds?.stop();
  await connector?.stop();
  await schema?.drop();
});

type MessageOptions = Partial<Parameters<typeof teamsMessage>[0]>;

/** Posts a Teams message and returns the text of the bot's single reply. */
async function ask(text: string, options: MessageOptions = {}): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, from: JULIEN, ...options });
  const conversationId = (activity.conversation as { id: string }).id;
  expect((await bot.post(activity)).status).toBe(200);
  const [answer] = await connector.waitFor(1, conversationId);
  expect(answer?.replyToId).toBe(activity.id);
  return String(answer?.activity.text);
}

describe("veille over the Bot Framework protocol", () => {
  it("follows an RSS feed after reading it once, and refuses what is no feed in French", async () => {
    expect(await ask(`veille ajouter ${feeds.url}/rss.xml`)).toBe(
      "Flux suivi : **Démocratie participative & budgets** (2 article(s) enregistré(s)). Je le relirai toutes les 6 heures.",
    );
    expect(await ask(`veille ajouter ${feeds.url}/atom.xml`)).toContain("**Observatoire de la participation**");
    expect(await ask(`veille ajouter ${feeds.url}/rss.xml`)).toContain("est déjà suivi");
    expect(await ask(`veille ajouter ${feeds.url}/broken.xml`)).toMatch(
      /^Je ne peux pas suivre http:\/\/127\.0\.0\.1:\d+\/broken\.xml : le contenu n'est pas du XML valide/,
    );
    expect(await ask(`veille ajouter ${feeds.url}/page.html`)).toContain("ni un flux RSS ni un flux Atom");
    expect(await ask("veille ajouter ftp://example.org/flux")).toContain("n'est pas une adresse web");
    expect(await schema.db.feed.count()).toBe(2);
  });

  it("shares a link by hand with its note, once", async () => {
    expect(
      await ask("veille https://www.example.org/retour-grenoble « Bon retour d'expérience sur le vote en ligne »"),
    ).toBe(
      "Lien partagé avec l'équipe : Bon retour d'expérience sur le vote en ligne. Il paraîtra dans la synthèse de lundi.",
    );
    expect(await ask("veille https://www.example.org/retour-grenoble autre note")).toContain("déjà été partagé le");
  });

  it("lists the latest items and the feeds, to readers too; a reader may not change the watch", async () => {
    const list = await ask("veille", { from: NATHALIE });
    expect(list).toContain("**Veille : derniers articles**");
    expect(list).toContain("[Budget participatif : Rennes lance sa 9e saison](https://example.org/rennes-saison-9)");
    expect(list).toContain("partagé par Julien Lartigau");
    expect(list).toContain("Bon retour d'expérience sur le vote en ligne");
    expect(list).toContain("**Flux suivis (2)**");
    expect(await ask(`veille ajouter ${feeds.url}/rss.xml`, { from: NATHALIE })).toBe(
      "Désolé, seuls les agents (rôle **agent** au moins) peuvent modifier la veille. Votre rôle : lecteur. Tapez **veille** pour la lire.",
    );
    expect(await ask("veille https://www.example.org/autre note", { from: NATHALIE })).toContain(
      "Votre rôle : lecteur",
    );
  });

  it("removes a feed, which `veille` then no longer lists", async () => {
    expect(await ask(`veille retirer ${feeds.url}/atom.xml`)).toContain(
      "Je ne suis plus le flux **Observatoire de la participation**",
    );
    expect(await ask(`veille retirer ${feeds.url}/atom.xml`)).toContain("Aucun flux suivi n'a l'adresse");
    expect(await ask("veille")).toContain("**Flux suivis (1)**");
    expect(await ask(`veille ajouter ${feeds.url}/atom.xml`)).toContain("Flux suivi");
  });

  it("chooses the digest's channel only from a channel", async () => {
    expect(await ask("veille canal")).toContain("Tapez **veille canal** dans le canal d'équipe");
    expect(await ask("veille canal", { conversationType: "channel", mention: true })).toBe(
      "C'est noté : la synthèse de la veille sera envoyée dans ce canal **Général** chaque lundi à 9 h.",
    );
    const setting = await schema.db.setting.findUniqueOrThrow({ where: { key: VEILLE_CHANNEL_KEY } });
    expect(setting.value).toMatchObject({ conversationId: CHANNEL, reference: { conversation: { id: CHANNEL } } });
  });
});

describe("the weekly veille digest", () => {
  const run = () =>
    sendVeilleDigest({
      db: schema.db,
      sender: createProactiveSender({ adapter: createAdapter(config, logger), appId: undefined, logger }),
      logger,
      now: () => MONDAY,
    });

  it("posts the week's items grouped by feed and the shared links to the chosen channel, once", async () => {
    expect(await run()).toBe("sent");
    // Posted to the channel itself, not into the thread where `veille canal` was typed.
    const [posted] = await connector.waitFor(1, CHANNEL);
    const activity = posted?.activity as { text: string; attachments: Array<{ content: Record<string, unknown> }> };
    expect(activity.text).toBe("Veille de la semaine : 4 article(s) de 2 flux, 1 lien(s) partagé(s).");
    const card = activity.attachments[0]?.content ?? {};
    expect(validateAdaptiveCard(card)).toEqual([]);
    const texts = (card.body as Array<{ text: string }>).map((b) => b.text);
    expect(texts[0]).toBe("Veille participative du lundi 23 novembre 2026 au lundi 30 novembre 2026");
    expect(texts).toContain("Démocratie participative & budgets");
    expect(texts).toContain("Observatoire de la participation");
    expect(texts).toContain(
      "• [Panorama 2026 des budgets participatifs](https://observatoire.example/panorama-2026) (26/11/2026)",
    );
    expect(texts).toContain("Liens partagés par l'équipe");
    expect(texts).toContain(
      "• [https://www.example.org/retour-grenoble](https://www.example.org/retour-grenoble) — Julien Lartigau : Bon retour d'expérience sur le vote en ligne",
    );
    // A retried job finds nothing new since the digest it sent.
    expect(await run()).toBe("nothing-new");
    expect(connector.activities.filter((a) => a.conversationId === CHANNEL)).toHaveLength(1);
  });
});
