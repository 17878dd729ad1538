import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configVariables, describeConfig, loadConfig } from "../../domain/config/load-config.ts";

describe("loadConfig", () => {
  it("applies the documented defaults (Europe/Paris, port 3978, local mode)", () => {
    const config = loadConfig({});
    expect(config.TZ_DEFAULT).toBe("Europe/Paris");
    expect(config.PORT).toBe(3978);
    expect(config.localMode).toBe(true);
    expect(config.REMIND_REPORT_DAYS).toEqual([30, 0, -15]);
  });

  it("lists every invalid variable at once, in French, naming the variable but never its value", () => {
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "pas-une-url", MAIL_ATTEMPTS: "-2", SCAN_CRON: "0 2 * * *" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL : une URL valide est attendue");
      expect(message).toContain("MAIL_ATTEMPTS");
      expect(message).toContain("SCAN_CRON : aucune planification entre 02:00 et 03:00");
      expect(message).not.toContain("pas-une-url");
    }
  });

  it("requires the app password with the app id, the tenant for single-tenant bots, and secrets in production", () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: "id" })).toThrow(
      /MICROSOFT_APP_ID et MICROSOFT_APP_PASSWORD vont ensemble/,
    );
    expect(() => loadConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" })).toThrow(
      /MICROSOFT_APP_TENANT_ID/,
    );
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/BPC40_SECRET[\s\S]*|SMTP_URL/);
  });

  it("masks secrets and URL passwords when described for the logs", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://app:motdepasse@db.example.org/bpc40",
      MICROSOFT_APP_ID: "id",
      MICROSOFT_APP_PASSWORD: "motdepasse-bot",
      MICROSOFT_APP_TENANT_ID: "tenant",
    });
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toContain("motdepasse");
  });

  it("has every variable documented in .env.example, and nothing there it does not read", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(configVariables));
  });
});
