import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type UserTokenClient,
} from "botframework-connector";
import { describe, expect, it } from "vitest";
import {
  BYTE_BODY_POLICY,
  CachedClientsAuthentication,
  MAX_CACHED_CLIENTS,
} from "../../bot/teams/cached-connector-clients.ts";
import { cardSendsUnderWay, spliceCardBytes } from "../../bot/teams/card-bytes.ts";

/**
 * The wrapped authentication stands in for botbuilder's (which the HTTP tests run for real,
 * see tenant-and-tokens.test.ts): it counts the clients it makes and can fail to make one.
 */
class CountingAuthentication extends BotFrameworkAuthentication {
  connectorsMade: string[] = [];
  tokenClientsMade = 0;
  authenticated = 0;
  failNext = false;
  /** The next creation waits for this and fails with its rejection. */
  failLater: Promise<never> | null = null;

  constructor(private readonly appId = "app-1") {
    super();
  }

  override async authenticateRequest(): Promise<AuthenticateRequestResult> {
    this.authenticated += 1;
    const claimsIdentity = this.identity();
    return { claimsIdentity, audience: "aud", callerId: "", connectorFactory: this.createConnectorFactory() };
  }

  override authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return this.authenticateRequest();
  }

  override createConnectorFactory(): ConnectorFactory {
    const made = this.connectorsMade;
    const self = this;
    return new (class extends ConnectorFactory {
      override async create(serviceUrl: string): Promise<ConnectorClient> {
        const later = self.failLater;
        self.failLater = null;
        if (later) await later;
        if (self.failNext) {
          self.failNext = false;
          throw new Error("token endpoint unreachable");
        }
        made.push(serviceUrl);
        return { serviceUrl, n: made.length } as unknown as ConnectorClient;
      }
    })();
  }

  override async createUserTokenClient(): Promise<UserTokenClient> {
    this.tokenClientsMade += 1;
    return { n: this.tokenClientsMade } as unknown as UserTokenClient;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    throw new Error("not used");
  }

  identity(): ClaimsIdentity {
    return new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: this.appId }], true);
  }
}

const activity = { type: "message" } as never;

async function connectorFor(auth: CachedClientsAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activity, "Bearer x");
  return result.connectorFactory?.create(serviceUrl, result.audience);
}

describe("outgoing clients kept across activities", () => {
  it("authenticates every request but makes one Connector client per service URL", async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedClientsAuthentication(inner);
    const first = await connectorFor(auth, "https://smba.example/emea/");
    const second = await connectorFor(auth, "https://smba.example/emea/");
    const other = await connectorFor(auth, "https://smba.example/amer/");
    expect(inner.authenticated).toBe(3);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    expect(inner.connectorsMade).toEqual(["https://smba.example/emea/", "https://smba.example/amer/"]);
    // Proactive messages (createConnectorFactory) share the same clients.
    expect(await auth.createConnectorFactory(inner.identity()).create("https://smba.example/emea/", "aud")).toBe(first);
  });

  it("keeps clients of different app ids apart", async () => {
    const auth = new CachedClientsAuthentication(new CountingAuthentication("app-1"));
    const one = await connectorFor(auth, "https://smba.example/emea/");
    const otherApp = new CountingAuthentication("app-2");
    const two = await auth.createConnectorFactory(otherApp.identity()).create("https://smba.example/emea/", "aud");
    expect(two).not.toBe(one);
  });

  it("makes one token client per app id", async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedClientsAuthentication(inner);
    const first = await auth.createUserTokenClient(inner.identity());
    expect(await auth.createUserTokenClient(inner.identity())).toBe(first);
    expect(inner.tokenClientsMade).toBe(1);
  });

  it("forgets a client that could not be made: the next request tries again", async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedClientsAuthentication(inner);
    inner.failNext = true;
    await expect(connectorFor(auth, "https://smba.example/emea/")).rejects.toThrow("token endpoint unreachable");
    const client = await connectorFor(auth, "https://smba.example/emea/");
    expect(client).toBeDefined();
    expect(inner.connectorsMade).toHaveLength(1);
  });

  it("a creation that fails after its key was made again does not forget the newer client", async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedClientsAuthentication(inner);
    let fail: (error: Error) => void = () => undefined;
    inner.failLater = new Promise<never>((_, reject) => {
      fail = reject;
    });
    const slow = connectorFor(auth, "https://smba.example/emea/");
    // The slow attempt is pushed out by as many other service URLs, then the URL is asked again.
    for (let i = 0; i < MAX_CACHED_CLIENTS; i++) await connectorFor(auth, `https://smba.example/${i}/`);
    const fresh = await connectorFor(auth, "https://smba.example/emea/");
    fail(new Error("token endpoint unreachable"));
    await expect(slow).rejects.toThrow("token endpoint unreachable");
    expect(await connectorFor(auth, "https://smba.example/emea/")).toBe(fresh);
    expect(inner.connectorsMade.filter((url) => url === "https://smba.example/emea/")).toHaveLength(1);
  });

  it(`keeps at most ${MAX_CACHED_CLIENTS} clients, dropping the oldest (forged service URLs cannot grow it)`, async () => {
    const inner = new CountingAuthentication();
    const auth = new CachedClientsAuthentication(inner);
    const oldest = await connectorFor(auth, "https://smba.example/0/");
    for (let i = 1; i <= MAX_CACHED_CLIENTS; i++) await connectorFor(auth, `https://smba.example/${i}/`);
    expect(inner.connectorsMade).toHaveLength(MAX_CACHED_CLIENTS + 1);
    // The most recent are still kept; the oldest was made again.
    await connectorFor(auth, `https://smba.example/${MAX_CACHED_CLIENTS}/`);
    expect(inner.connectorsMade).toHaveLength(MAX_CACHED_CLIENTS + 1);
    expect(await connectorFor(auth, "https://smba.example/0/")).not.toBe(oldest);
    expect(inner.connectorsMade).toHaveLength(MAX_CACHED_CLIENTS + 2);
  });
});

/** botbuilder's own Connector client, as local mode makes it (no credentials). */
class RealClientAuthentication extends CountingAuthentication {
  override createConnectorFactory(): ConnectorFactory {
    return new (class extends ConnectorFactory {
      override async create(serviceUrl: string): Promise<ConnectorClient> {
        return new ConnectorClient(new MicrosoftAppCredentials("", ""), { baseUri: serviceUrl });
      }
    })();
  }
}

describe("outgoing bodies", () => {
  it("leave as UTF-8 bytes encoded once, the same bytes and length a string body would give", async () => {
    await withReceiver(async (client, received) => {
      const pipeline = (client as unknown as { client: { pipeline: { getOrderedPolicies(): { name: string }[] } } })
        .client.pipeline;
      expect(pipeline.getOrderedPolicies().map((policy) => policy.name)).toContain(BYTE_BODY_POLICY);
      // Two bytes per character in memory (« € », U+202F), up to three in UTF-8.
      const text = "Versé : 12\u202f345,50\u00a0€ · « Skatepark » 🛹";
      await client.conversations.sendToConversation("a:conv", { type: "message", text } as never);
      expect(received).toHaveLength(1);
      const [{ length, body }] = received as [Received];
      expect(JSON.parse(body.toString("utf8")).text).toBe(text);
      expect(Number(length)).toBe(body.length);
      expect(body.length).toBe(Buffer.byteLength(JSON.stringify(JSON.parse(body.toString("utf8")))));
    });
  });

  it("carry each card as the JSON of the card, made at its first send and sent again as is", async () => {
    await withReceiver(async (client, received) => {
      const card = listCard("Projets : « skatepark »", "7\u202f000,00\u00a0€");
      const activity = { type: "message", text: "2 projets", attachments: [adaptive(card)] };
      await client.conversations.replyToActivity("a:conv", "act-1", activity as never);
      // The caller's activity keeps its card (botbuilder hands it to the turn's listeners).
      expect(activity.attachments[0]?.content).toBe(card);
      // A card never changes once sent (the read cache's); if one did, the bytes made at its
      // first send would still be the ones sent: they are not made again.
      const firstJson = JSON.stringify(card);
      (card.body as unknown[]).push({ type: "TextBlock", text: "ajouté après l'envoi" });
      await client.conversations.replyToActivity("a:conv", "act-2", activity as never);
      const [first, second] = received.map(({ body, length }) => {
        expect(Number(length)).toBe(body.length);
        return JSON.parse(body.toString("utf8"));
      });
      expect(first.attachments[0].content).toEqual(JSON.parse(firstJson));
      expect(first.text).toBe("2 projets");
      expect(second.attachments[0].content).toEqual(JSON.parse(firstJson));
      expect(cardSendsUnderWay()).toBe(0);
    });
  });

  it("carry two cards of one activity, each in its place, and leave other attachments alone", async () => {
    await withReceiver(async (client, received) => {
      const cards = [listCard("Première", "1\u00a0€"), listCard("Seconde", "2\u00a0€")] as const;
      const hero = { contentType: "application/vnd.microsoft.card.hero", content: { title: "Héros" } };
      const activity = { type: "message", attachments: [adaptive(cards[0]), hero, adaptive(cards[1])] };
      await client.conversations.sendToConversation("a:conv", activity as never);
      const sent = JSON.parse((received[0] as Received).body.toString("utf8"));
      expect(sent.attachments.map((a: { content: unknown }) => a.content)).toEqual([cards[0], hero.content, cards[1]]);
    });
  });
});

describe("spliceCardBytes", () => {
  it("encodes a body without cards as Node would, and leaves a marker nobody waits for", () => {
    const body = JSON.stringify({ text: "Versé : 12\u202f345\u00a0€", content: "\u0000bpc40-card:999999" });
    expect(spliceCardBytes(body).equals(Buffer.from(body, "utf8"))).toBe(true);
  });
});

interface Received {
  length: string | undefined;
  body: Buffer;
}

/** A botbuilder Connector client, kept by `CachedClientsAuthentication`, posting to a local server that records each body. */
async function withReceiver(use: (client: ConnectorClient, received: Received[]) => Promise<void>): Promise<void> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ length: req.headers["content-length"], body: Buffer.concat(chunks) });
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const auth = new CachedClientsAuthentication(new RealClientAuthentication());
    await use((await connectorFor(auth, url)) as ConnectorClient, received);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function listCard(title: string, amount: string): { type: string; version: string; body: unknown[] } {
  return {
    type: "AdaptiveCard",
    version: "1.5",
    body: [
      { type: "TextBlock", text: title, weight: "Bolder", wrap: true },
      { type: "TextBlock", text: `**2039-082** · Abri vélos de Labouheyre · ${amount}`, wrap: true },
    ],
  };
}

function adaptive(card: object) {
  return { contentType: "application/vnd.microsoft.card.adaptive", content: card };
}
