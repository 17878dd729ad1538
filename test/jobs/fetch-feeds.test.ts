import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../domain/log/create-logger.ts";
import { parseFeed } from "../../domain/veille/parse-feed.ts";
import { fetchFeeds } from "../../jobs/processors/fetch-feeds.ts";
import { ATOM, ATOM_ETAG, FeedServer, RSS } from "../support/feed-server.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = new Date("2026-11-28T11:15:00Z");
const logger = createLogger({ level: "silent", name: "fetch-feeds-test" });
let schema: FreshSchema;
let server: FeedServer;

beforeAll(async () => {
  schema = await freshSchema("feeds");
  server = await new FeedServer().start();
  for (const path of ["/rss.xml", "/atom.xml", "/broken.xml", "/slow.xml", "/missing.xml", "/page.html"]) {
    await schema.db.feed.create({ data: { url: `${server.url}${path}` } });
  }
});
afterAll(async () => {
  await server?.stop();
  await schema?.drop();
});

const run = (now = NOW) => fetchFeeds({ db: schema.db, logger, now: () => now, timeoutMs: 1_500, concurrency: 3 });
const feed = (path: string) => schema.db.feed.findUniqueOrThrow({ where: { url: `${server.url}${path}` } });

describe("parseFeed", () => {
  it("reads RSS 2.0 (CDATA, entities, HTML in the description) and Atom (alternate link, id)", () => {
    const rss = parseFeed(RSS);
    expect(rss.title).toBe("Démocratie participative & budgets");
    expect(rss.entries.map((e) => [e.guid, e.url, e.title])).toEqual([
      ["rennes-9", "https://example.org/rennes-saison-9", "Budget participatif : Rennes lance sa 9e saison"],
      ["https://example.org/jeunes-vote", "https://example.org/jeunes-vote", "Les jeunes et le vote citoyen"],
    ]);
    expect(rss.entries[0]?.summary).toBe("Les habitants votent du 1er au 15 mars.");
    expect(rss.entries[0]?.publishedAt?.toISOString()).toBe("2026-11-24T07:30:00.000Z");
    const atom = parseFeed(ATOM);
    expect(atom.title).toBe("Observatoire de la participation");
    expect(atom.entries.map((e) => [e.guid, e.url])).toEqual([
      ["urn:uuid:panorama-2026", "https://observatoire.example/panorama-2026"],
      ["urn:uuid:assemblees", "https://observatoire.example/assemblees"],
    ]);
  });
});

describe("the fetch-feeds job", () => {
  it("records the good feeds' items once and each bad feed's French error without stopping the others", async () => {
    const started = Date.now();
    expect(await run()).toEqual({ added: 4, errors: 4 });
    // The slow feed is cut at the timeout, not waited for (8 s).
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(await schema.db.feedItem.count()).toBe(4);
    const rss = await feed("/rss.xml");
    expect(rss).toMatchObject({ title: "Démocratie participative & budgets", lastStatus: 200, lastError: null });
    expect(rss.lastFetchedAt?.toISOString()).toBe(NOW.toISOString());
    const atom = await feed("/atom.xml");
    expect(atom).toMatchObject({ title: "Observatoire de la participation", etag: ATOM_ETAG, lastStatus: 200 });
    expect(atom.lastModified).toBe("Thu, 26 Nov 2026 12:00:00 GMT");
    expect((await feed("/broken.xml")).lastError).toMatch(/^le contenu n'est pas du XML valide \(ligne 1/);
    expect(await feed("/slow.xml")).toMatchObject({ lastStatus: null, lastError: "le site n'a pas répondu en 1,5 s" });
    expect(await feed("/missing.xml")).toMatchObject({
      lastStatus: 404,
      lastError: "adresse introuvable (erreur 404)",
    });
    expect((await feed("/page.html")).lastError).toBe("ce document n'est ni un flux RSS ni un flux Atom");
  });

  it("adds nothing the second time: the Atom feed answers 304 to its ETag, the RSS items are known", async () => {
    const later = new Date(NOW.getTime() + 6 * 3_600_000);
    expect(await run(later)).toEqual({ added: 0, errors: 4 });
    expect(await schema.db.feedItem.count()).toBe(4);
    const atomRequests = server.requests.filter((r) => r.path === "/atom.xml");
    expect(atomRequests.map((r) => r.ifNoneMatch)).toEqual([undefined, ATOM_ETAG]);
    expect(await feed("/atom.xml")).toMatchObject({ lastStatus: 304, lastError: null });
    expect((await feed("/atom.xml")).lastFetchedAt?.toISOString()).toBe(later.toISOString());
  });

  it("skips a feed that was removed", async () => {
    await schema.db.feed.update({ where: { url: `${server.url}/slow.xml` }, data: { active: false } });
    const before = server.requests.length;
    expect(await run()).toEqual({ added: 0, errors: 3 });
    expect(server.requests.slice(before).some((r) => r.path === "/slow.xml")).toBe(false);
  });
});
