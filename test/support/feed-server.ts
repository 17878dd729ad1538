import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Démocratie participative &amp; budgets</title>
    <link>https://example.org/</link>
    <atom:link href="https://example.org/rss.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title><![CDATA[Budget participatif : Rennes lance sa 9e saison]]></title>
      <link>https://example.org/rennes-saison-9</link>
      <guid isPermaLink="false">rennes-9</guid>
      <pubDate>Tue, 24 Nov 2026 08:30:00 +0100</pubDate>
      <description><![CDATA[<p>Les habitants votent <b>du 1er au 15 mars</b>.</p>]]></description>
    </item>
    <item>
      <title>Les jeunes et le vote citoyen</title>
      <link>https://example.org/jeunes-vote</link>
      <pubDate>Wed, 25 Nov 2026 10:00:00 +0100</pubDate>
    </item>
  </channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Observatoire de la participation</title>
  <id>urn:uuid:observatoire</id>
  <updated>2026-11-26T12:00:00Z</updated>
  <entry>
    <title>Panorama 2026 des budgets participatifs</title>
    <link rel="alternate" href="https://observatoire.example/panorama-2026"/>
    <link rel="enclosure" href="https://observatoire.example/panorama-2026.pdf"/>
    <id>urn:uuid:panorama-2026</id>
    <published>2026-11-26T09:00:00Z</published>
    <summary>Plus de 400 collectivités en France.</summary>
  </entry>
  <entry>
    <title>Assemblées citoyennes : retour sur un an</title>
    <link href="https://observatoire.example/assemblees"/>
    <id>urn:uuid:assemblees</id>
    <updated>2026-11-20T09:00:00Z</updated>
  </entry>
</feed>`;

export const ATOM_ETAG = '"atom-v1"';

/** Requests the server received, to check the conditional headers the fetcher sent. */
export interface FeedRequest {
  path: string;
  ifNoneMatch: string | undefined;
}

/**
 * A loopback HTTP server serving the feeds of the watch tests: valid RSS, valid Atom
 * (with an ETag, 304 when it matches), invalid XML, an HTML page, a 404, and a feed
 * slower than any test timeout.
 */
export class FeedServer {
  readonly requests: FeedRequest[] = [];
  private server: Server | null = null;
  private timers = new Set<NodeJS.Timeout>();

  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? "/";
    const ifNoneMatch = req.headers["if-none-match"];
    this.requests.push({ path, ifNoneMatch });
    const xml = (body: string, headers: Record<string, string> = {}) => {
      res.writeHead(200, { "content-type": "application/xml; charset=utf-8", ...headers });
      res.end(body);
    };
    if (path === "/rss.xml") {
      xml(RSS);
    } else if (path === "/atom.xml" && ifNoneMatch === ATOM_ETAG) {
      res.writeHead(304, { etag: ATOM_ETAG });
      res.end();
    } else if (path === "/atom.xml") {
      xml(ATOM, { etag: ATOM_ETAG, "last-modified": "Thu, 26 Nov 2026 12:00:00 GMT" });
    } else if (path === "/broken.xml") {
      xml("<rss><channel><title>Oups</channel></rss>");
    } else if (path === "/page.html") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body><p>Bonjour</p></body></html>");
    } else if (path === "/slow.xml") {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        xml(RSS);
      }, 8_000);
      this.timers.add(timer);
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("introuvable");
    }
  }
}
