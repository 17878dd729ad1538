import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordNotification } from "../../domain/notifications/record-notification.ts";
import { createTransport } from "../../jobs/mail/create-transport.ts";
import type { RunningWorkers } from "../../jobs/start-workers.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { SmtpTestServer } from "../support/smtp-test-server.ts";
import { startTestWorker } from "../support/start-test-worker.ts";
import { testConfig } from "../support/test-config.ts";
import { waitUntil } from "../support/wait-until.ts";

describe("SMTP login with OAuth2 (XOAUTH2), as Exchange Online requires", () => {
  let tokenServer: Server;
  let smtp: SMTPServer;
  const tokenRequests: URLSearchParams[] = [];
  const logins: Array<{ user: string | undefined; token: string | undefined }> = [];

  beforeAll(async () => {
    tokenServer = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        tokenRequests.push(new URLSearchParams(body));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ access_token: "jeton-de-test", expires_in: 3600, token_type: "Bearer" }));
      });
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, "127.0.0.1", resolve));
    smtp = new SMTPServer({
      authMethods: ["XOAUTH2"],
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push({ user: auth.username, token: auth.accessToken });
        if (auth.accessToken === "jeton-de-test") return callback(null, { user: auth.username });
        return callback(new Error("jeton refusé"));
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => tokenServer.close(() => resolve()));
  });

  it("gets a token by client credentials and logs in with it", async () => {
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const tokenPort = (tokenServer.address() as AddressInfo).port;
    const config = testConfig({
      SMTP_OAUTH_USER: "bpc40@landes.example.org",
      SMTP_OAUTH_TENANT_ID: "tenant-test",
      SMTP_OAUTH_CLIENT_ID: "client-test",
      SMTP_OAUTH_CLIENT_SECRET: "secret-test",
      SMTP_OAUTH_TOKEN_URL: `http://127.0.0.1:${tokenPort}/tenant-test/oauth2/v2.0/token`,
    });
    const transport = createTransport(config, `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`);
    const info = await transport.sendMail({
      from: config.SMTP_FROM,
      to: "porteur@example.org",
      subject: "Test",
      text: "Bonjour",
    });
    transport.close();
    expect(info.accepted).toEqual(["porteur@example.org"]);
    expect(logins).toEqual([{ user: "bpc40@landes.example.org", token: "jeton-de-test" }]);
    expect(tokenRequests[0]?.get("grant_type")).toBe("client_credentials");
    expect(tokenRequests[0]?.get("client_id")).toBe("client-test");
    expect(tokenRequests[0]?.get("scope")).toBe("https://outlook.office365.com/.default");
  });
});

describe("consent and unsubscribe", () => {
  const prefix = redisPrefix("consent");
  let schema: FreshSchema;
  let smtp: SmtpTestServer;
  let worker: RunningWorkers;
  let config: ReturnType<typeof testConfig>;

  const invitation = (email: string, key: string) => ({
    template: "event-invitation" as const,
    recipientEmail: email,
    payload: {
      eventTitle: "Inauguration du skatepark",
      eventKind: "INAUGURATION",
      startsAt: "2027-06-15T16:00:00.000Z",
      endsAt: "2027-06-15T18:00:00.000Z",
      place: "Skatepark, Grenade-sur-l'Adour",
    },
    idempotencyKey: key,
  });
  const notice = (email: string, key: string) => ({
    template: "agent-test" as const,
    recipientEmail: email,
    payload: {},
    idempotencyKey: key,
  });
  const statusOf = (id: number) => schema.db.notification.findUniqueOrThrow({ where: { id } });
  const settled = (id: number) =>
    waitUntil(async () => {
      const row = await statusOf(id);
      return row.status === "PENDING" ? false : row;
    }, `notification ${id} traitée`);

  beforeAll(async () => {
    schema = await freshSchema("consent");
    smtp = await new SmtpTestServer().start();
    config = testConfig({
      DATABASE_SCHEMA: schema.schema,
      REDIS_PREFIX: prefix,
      PUBLIC_BASE_URL: "https://bpc40.landes.example.org",
    });
    await schema.db.holder.create({
      data: { kind: "PERSON", name: "Sans consentement", email: "sans-accord@example.org", emailConsent: false },
    });
    await schema.db.holder.create({
      data: { kind: "ASSOCIATION", name: "Avec consentement", email: "accord@example.org", emailConsent: true },
    });
    await schema.db.emailOptOut.create({ data: { email: "desinscrit@example.org" } });
    worker = await startTestWorker(config, schema.db, smtp.url);
  });
  beforeEach(() => smtp.reset());
  afterAll(async () => {
    await worker?.close();
    await smtp?.stop();
    await schema?.drop();
    await deleteRedisPrefix(config.REDIS_URL, prefix);
  });

  async function send(request: Parameters<typeof recordNotification>[1]) {
    const id = (await recordNotification(schema.db, request))!;
    await worker.sweep();
    return settled(id);
  }

  it("sends a non-essential e-mail with one-click unsubscribe headers to a porteur who consented", async () => {
    const row = await send(invitation("accord@example.org", "c:1"));
    expect(row.status).toBe("SENT");
    const [mail] = await smtp.waitFor(1);
    const headers = mail!.raw.split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(
      /^List-Unsubscribe: <https:\/\/bpc40\.landes\.example\.org\/unsubscribe\?token=[\w-]+\.[\w-]+>$/m,
    );
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(mail?.parsed.text).toContain("désinscri");
  });

  it("skips a non-essential e-mail to a porteur without consent, or to an address that unsubscribed", async () => {
    expect((await send(invitation("sans-accord@example.org", "c:2"))).status).toBe("SKIPPED");
    expect((await send(invitation("desinscrit@example.org", "c:3"))).status).toBe("SKIPPED");
    expect(smtp.received).toHaveLength(0);
  });

  it("always sends essential administrative notices, without unsubscribe headers", async () => {
    const row = await send(notice("desinscrit@example.org", "c:4"));
    expect(row.status).toBe("SENT");
    const [mail] = await smtp.waitFor(1);
    expect(mail!.raw).not.toMatch(/^List-Unsubscribe/im);
  });
});
