import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allCommands } from "../../bot/commands/route-command.ts";
import { buildManifest } from "../../manifest/build-package.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";

let schema: FreshSchema;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("legal");
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db);
});

afterAll(async () => {
  await bot?.close();
  await schema?.drop();
});

/** The page the manifest links to, fetched from the real bot server. */
async function fetchLinkedPage(field: "privacyUrl" | "termsOfUseUrl"): Promise<string> {
  const manifest = buildManifest(
    { MICROSOFT_APP_ID: "2f6e4b1c-5a7d-4c3e-9b21-8d0f6a4e7c15", PUBLIC_BASE_URL: bot.url, PORT: 0 },
    allCommands,
    { local: true },
  );
  const response = await fetch(manifest.developer[field]);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  return response.text();
}

describe("the pages the Teams manifest links to", () => {
  it("serves the privacy notice in French: what is kept, why, how long, whom to ask, how to unsubscribe", async () => {
    const html = await fetchLinkedPage("privacyUrl");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Données personnelles et confidentialité</h1>");
    for (const heading of [
      "Données des porteurs de projet",
      "Pourquoi",
      "Combien de temps",
      "Ne plus recevoir les e-mails non essentiels",
      "Contact",
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain("suivi du budget participatif");
    expect(html).toContain("«&nbsp;Se désinscrire&nbsp;»");
  });

  it("serves the terms of use in French, linking to the privacy notice", async () => {
    const html = await fetchLinkedPage("termsOfUseUrl");
    expect(html).toContain("<h1>Conditions d&#39;utilisation</h1>");
    expect(html).toMatch(/réservée à ses\s+agents/);
    expect(html).toContain('<a href="/confidentialite">');
  });
});
