import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { TENANT_ID, teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("auth");
  connector = await new ConnectorStandIn().start();
  const config = testConfig({
    DATABASE_SCHEMA: schema.schema,
    MICROSOFT_APP_ID: "11111111-2222-4333-8444-555555555555",
    MICROSOFT_APP_PASSWORD: "not-a-real-secret",
    MICROSOFT_APP_TYPE: "SingleTenant",
    MICROSOFT_APP_TENANT_ID: TENANT_ID,
  });
  expect(config.localMode).toBe(false);
  bot = await startBot(config, schema.db);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

describe("with Bot Framework credentials", () => {
  it("refuses an activity without a token (401) and sends nothing", async () => {
    const response = await bot.post(teamsMessage({ serviceUrl: connector.url, text: "statut 2022-017" }));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toContain("Jeton");
    expect(connector.activities).toHaveLength(0);
  });
});
