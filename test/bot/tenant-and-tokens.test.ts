import { generateKeyPairSync } from "node:crypto";
import { AuthenticationConstants } from "botframework-connector";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tokenEndpoints } from "../../bot/teams/create-adapter.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { APP_ID, LocalTokenService } from "../support/local-token-service.ts";
import { loopbackOnly } from "../support/loopback-only.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { AGENT_USER, teamsMessage } from "../support/teams-activity.ts";
import { teamsInvoke } from "../support/teams-events.ts";
import { testConfig } from "../support/test-config.ts";

const OTHER_TENANT = "0f0f0f0f-0000-4000-8000-0000000000ff";
/** An administrator by configuration, with no Agent row: a turn that writes anything would create one. */
const CONFIGURED_ADMIN = { id: "29:admin", name: "Claire Dufau", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e01" };

let guard: ReturnType<typeof loopbackOnly>;
let schema: FreshSchema;
let connector: ConnectorStandIn;
let tokens: LocalTokenService;
let bot: RunningBot;
let outgoing: ReturnType<LocalTokenService["outgoingCredentials"]>;

beforeAll(async () => {
  guard = loopbackOnly();
  // botbuilder prints each refused token with console.error: keep the output readable. The calls
  // are still recorded, and the setup still fails a test on any this file does not take.
  vi.mocked(console.error).mockImplementation(() => undefined);
  schema = await freshSchema("tokens");
  await schema.db.agent.create({ data: { aadObjectId: AGENT_USER.aadObjectId, name: AGENT_USER.name, role: "AGENT" } });
  connector = await new ConnectorStandIn().start();
  tokens = await new LocalTokenService().start();
  const config = tokens.config({ DATABASE_SCHEMA: schema.schema, BPC40_ADMINS: CONFIGURED_ADMIN.aadObjectId });
  expect(config.localMode).toBe(false);
  outgoing = tokens.outgoingCredentials(config);
  bot = await startBot(config, schema.db, undefined, { adapterOptions: { credentialsFactory: outgoing } });
});

afterAll(async () => {
  await bot?.close();
  await tokens?.stop();
  await connector?.stop();
  await schema?.drop();
  guard?.restore();
  expect(guard.outsideHosts).toEqual([]);
});

/** botbuilder logs every refused token with console.error; take those lines so the test setup does not fail on them. */
function takeConsoleErrors(): string {
  const spy = vi.mocked(console.error);
  const text = spy.mock.calls.map((args) => args.map(String).join(" ")).join("\n");
  spy.mockClear();
  return text;
}

const message = (text = "statut 2022-999", extra: Partial<Parameters<typeof teamsMessage>[0]> = {}) =>
  teamsMessage({ serviceUrl: connector.url, text, ...extra });
const conversationOf = (activity: Record<string, unknown>) => (activity.conversation as { id: string }).id;

async function expectNothingDone(activity: Record<string, unknown>) {
  const conversationId = conversationOf(activity);
  expect(connector.activities.filter((a) => a.conversationId === conversationId)).toHaveLength(0);
  expect(await schema.db.conversationReference.count({ where: { conversationId } })).toBe(0);
}

describe("inbound tokens, checked by the adapter against a local OpenID configuration", () => {
  it("accepts a token for our app id: 200, and the reply reaches the connector", async () => {
    const activity = message();
    const response = await bot.post(activity, tokens.authorize(activity));
    expect(response.status).toBe(200);
    const [reply] = await connector.waitFor(1, conversationOf(activity));
    expect(String(reply?.activity.text)).toContain("Je ne trouve aucun projet 2022-999");
    expect(await schema.db.conversationReference.count({ where: { conversationId: conversationOf(activity) } })).toBe(
      1,
    );
  });

  it("keeps its outgoing clients across messages: no new credentials, every reply still signed", async () => {
    // A first message makes the Connector and token clients for this service URL.
    const first = message();
    await bot.post(first, tokens.authorize(first));
    await connector.waitFor(1, conversationOf(first));
    const made = vi.spyOn(outgoing, "createCredentials");
    const signed = vi.spyOn(tokens, "sign");
    const activities = [message(), message(), message()];
    for (const activity of activities) {
      expect((await bot.post(activity, tokens.authorize(activity))).status).toBe(200);
      await connector.waitFor(1, conversationOf(activity));
    }
    // botbuilder alone makes two clients, each with new credentials, for every activity.
    expect(made).not.toHaveBeenCalled();
    // Three inbound tokens (authorize) and one outgoing per reply.
    expect(signed.mock.calls.length).toBeGreaterThanOrEqual(6);
    made.mockRestore();
    signed.mockRestore();
  });

  it("refuses a token for another app (wrong audience): 401", async () => {
    const activity = message();
    const response = await bot.post(
      activity,
      tokens.authorize(activity, { aud: "99999999-2222-4333-8444-555555555555" }),
    );
    expect(response.status).toBe(401);
    expect(takeConsoleErrors()).toContain("Invalid AppId");
    await expectNothingDone(activity);
  });

  it("refuses an expired token: 401", async () => {
    const activity = message();
    const response = await bot.post(activity, tokens.authorize(activity, { expiresIn: -3600 }));
    expect(response.status).toBe(401);
    expect(takeConsoleErrors()).toMatch(/expired/i);
    await expectNothingDone(activity);
  });

  it("refuses a token issued for another service URL: 401", async () => {
    const activity = message();
    const response = await bot.post(activity, tokens.authorize(activity, { serviceurl: "https://smba.example.org/" }));
    expect(response.status).toBe(401);
    expect(takeConsoleErrors()).toContain("ServiceUrl claim");
    await expectNothingDone(activity);
  });

  it("refuses a token signed with a key the metadata does not publish (no turn runs)", async () => {
    const activity = message();
    const forged = tokens.sign(
      { serviceurl: connector.url },
      generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
    );
    const response = await bot.post(activity, { authorization: `Bearer ${forged}` });
    // botbuilder answers a bad signature with 500, not 401 (it rethrows jsonwebtoken's error as is).
    expect(response.status).toBe(500);
    expect(takeConsoleErrors()).toContain("invalid signature");
    await expectNothingDone(activity);
  });

  it("refuses a request without a token: 401", async () => {
    const activity = message();
    expect((await bot.post(activity)).status).toBe(401);
    await expectNothingDone(activity);
  });
});

describe("tenant", () => {
  it("ignores a valid token's message from another tenant: no reply, nothing written", async () => {
    const activity = message("agents", { from: CONFIGURED_ADMIN });
    (activity.conversation as Record<string, unknown>).tenantId = OTHER_TENANT;
    (activity.channelData as Record<string, unknown>).tenant = { id: OTHER_TENANT };
    const response = await bot.post(activity, tokens.authorize(activity));
    expect(response.status).toBe(200);
    await expectNothingDone(activity);
    expect(await schema.db.agent.count({ where: { aadObjectId: CONFIGURED_ADMIN.aadObjectId } })).toBe(0);
    expect(await schema.db.auditLog.count()).toBe(0);
  });

  it("ignores an activity whose two tenant fields disagree, or that has none", async () => {
    const mixed = message();
    (mixed.channelData as Record<string, unknown>).tenant = { id: OTHER_TENANT };
    expect((await bot.post(mixed, tokens.authorize(mixed))).status).toBe(200);
    await expectNothingDone(mixed);
    const none = message();
    delete (none.conversation as Record<string, unknown>).tenantId;
    delete (none.channelData as Record<string, unknown>).tenant;
    expect((await bot.post(none, tokens.authorize(none))).status).toBe(200);
    await expectNothingDone(none);
  });

  it("answers an invoke from another tenant with 403", async () => {
    const invoke = teamsInvoke({
      serviceUrl: connector.url,
      tenantId: OTHER_TENANT,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "project.open", data: { reference: "2022-017" } } },
    });
    const response = await bot.post(invoke, tokens.authorize(invoke));
    expect(response.status).toBe(403);
    await expectNothingDone(invoke);
  });
});

describe("configuration", () => {
  it("overrides only the inbound endpoints and keeps botbuilder's public-cloud values for the rest", () => {
    const endpoints = tokenEndpoints(testConfig({ BOT_TOKEN_ISSUER: "https://issuer.example.org" }));
    expect(endpoints).toMatchObject({
      ToBotFromChannelTokenIssuer: "https://issuer.example.org",
      ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: "urn:botframework:azure",
    });
    expect(tokenEndpoints(testConfig())).toEqual({});
    expect(APP_ID).toMatch(/^[0-9a-f-]{36}$/);
  });
});
