import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { lateProjectWhere } from "../../domain/projects/late-conditions.ts";
import { seed } from "../../prisma/seed.ts";
import { CHROMIUM_PATH } from "../../scripts/ensure-chromium.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { loopbackOnly } from "../support/loopback-only.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
let schema: FreshSchema;
let bot: RunningBot;
let browser: BrowserContext;
let page: Page;
let profileDir: string;
const network = loopbackOnly();
/** Every URL the browser asked for outside the bot's loopback server (must stay empty). */
const outsideRequests: string[] = [];

beforeAll(async () => {
  schema = await freshSchema("tab");
  await seed(schema.db, { now: NOW });
  const skatepark = await schema.db.project.findUniqueOrThrow({ where: { reference: "2022-017" } });
  await schema.db.notification.create({
    data: {
      template: "agreement-reminder",
      recipientEmail: "porteur@example.org",
      recipientName: "Famille Essai",
      idempotencyKey: "tab-test-failed",
      status: "FAILED",
      attempts: 6,
      lastError: "550 boîte inconnue",
      projectId: skatepark.id,
    },
  });
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
  profileDir = await mkdtemp(join(tmpdir(), "bpc40-tab-chromium-"));
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: "fr-FR",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await browser.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${bot.url}/`)) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  await bot?.close();
  await schema?.drop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
  network.restore();
});

/** The edition's projects matching the filters, counted and summed by PostgreSQL. */
async function expected(where: { canton?: string; isYouth?: boolean } = {}) {
  const filter = {
    edition: { year: 2022 },
    ...(where.canton ? { canton: { name: where.canton } } : {}),
    ...(where.isYouth === undefined ? {} : { isYouth: where.isYouth }),
  };
  const sums = await schema.db.project.aggregate({ where: filter, _count: true, _sum: { awardedCents: true } });
  return { count: String(sums._count), awarded: formatEuros(sums._sum.awardedCents ?? 0) };
}

async function figures() {
  await page.waitForSelector('#dashboard[aria-busy="false"] #kpi-count');
  return {
    count: (await page.textContent("#kpi-count"))?.trim(),
    awarded: (await page.textContent("#kpi-awarded"))?.trim(),
  };
}

describe("the Teams tab in headless Chromium (local mode)", () => {
  it("loads the dashboard with the seeded figures of the latest edition chosen", async () => {
    await page.goto(`${bot.url}/tab?edition=2022`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await figures()).toEqual(await expected());
    expect(await figures()).toMatchObject({ count: "45" });
    expect(await page.inputValue("#f-edition")).toBe("2022");
    expect(await page.textContent("#who")).toContain("Administrateur local");
    // Charts have a text alternative: an SVG <title> and a table.
    const statusTitle = await page.textContent("#chart-status-title");
    expect(statusTitle).toMatch(/^Nombre de projets par statut : /);
    expect(await page.locator("#table-status tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#chart-canton g").count()).toBe(await page.locator("#table-canton tbody tr").count());
  });

  it("filters by canton and youth, with the database's figures", async () => {
    const canton = (
      await schema.db.project.findFirstOrThrow({
        where: { edition: { year: 2022 }, isYouth: true },
        select: { canton: { select: { name: true } } },
        orderBy: { reference: "asc" },
      })
    ).canton.name;
    await page.selectOption("#f-canton", { label: canton });
    expect(await figures()).toEqual(await expected({ canton }));
    await page.selectOption("#f-jeunes", "1");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("jeunes") === "1");
    const filtered = await expected({ canton, isYouth: true });
    expect(await figures()).toEqual(filtered);
    expect(Number(filtered.count)).toBeGreaterThan(0);
    await page.selectOption("#f-canton", "");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("canton"));
    expect(await figures()).toEqual(await expected({ isYouth: true }));
    await page.selectOption("#f-jeunes", "");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("jeunes"));
    expect(await figures()).toEqual(await expected());
  });

  it("shows the late projects by the rule of the project card", async () => {
    const late = await schema.db.project.findMany({
      where: { AND: [lateProjectWhere(NOW), { edition: { year: 2022 } }] },
      select: { reference: true },
      orderBy: { reference: "asc" },
    });
    expect(late.length).toBeGreaterThan(0);
    expect(await page.textContent("#late-title")).toBe(`Projets en retard (${late.length})`);
    const shown = await page.locator("#table-late tbody tr a").allTextContents();
    expect(shown.sort()).toEqual(late.map((p) => p.reference));
    expect(await page.locator("#table-late-steps tbody tr").count()).toBe(4);
  });

  it("lists the failed e-mails and the coming events", async () => {
    const failed = await schema.db.notification.count({ where: { status: "FAILED" } });
    expect(failed).toBeGreaterThan(0);
    expect(await page.textContent("#emails-title")).toBe(`E-mails en échec (${failed}, toutes éditions)`);
    expect(await page.locator("#table-emails").textContent()).toContain("Famille Essai");
    const events = await schema.db.event.count({
      where: {
        status: "PLANNED",
        startsAt: { gte: NOW },
        OR: [{ projectId: null }, { project: { edition: { year: 2022 } } }],
      },
    });
    const rows = await page.locator("#table-events tbody tr").allTextContents();
    expect(rows).toHaveLength(Math.max(1, Math.min(events, 20)));
    if (events === 0) expect(rows).toEqual(["Aucun."]);
  });

  it("keyboard: Tab reaches the filters, with a visible focus", async () => {
    await page.goto(`${bot.url}/tab?edition=2022`);
    await figures();
    const reached: string[] = [];
    for (let i = 0; i < 5 && !reached.includes("f-edition"); i += 1) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? ""));
    }
    expect(reached).toContain("f-edition");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-canton");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe("solid");
    expect(await page.locator('label[for="f-canton"]').textContent()).toBe("Canton");
  });

  it("opens a project's details from its link", async () => {
    const skatepark = await schema.db.project.findUniqueOrThrow({
      where: { reference: "2022-017" },
      select: { title: true, awardedCents: true },
    });
    await page.click('#table-projects a[href="/tab/projets/2022-017"]');
    await page.waitForURL(`${bot.url}/tab/projets/2022-017`);
    await page.waitForSelector("#facts");
    expect(await page.textContent("#title")).toBe(`2022-017 — ${skatepark.title}`);
    const facts = await page.locator("#facts").textContent();
    expect(facts).toContain(`Montant voté${formatEuros(skatepark.awardedCents)}`);
    expect(await page.locator("ol.timeline li").count()).toBeGreaterThan(0);
  });

  it("takes a screenshot of the dashboard", async () => {
    await page.goto(`${bot.url}/tab?edition=2022`);
    await figures();
    const dir = await mkdtemp(join(tmpdir(), "bpc40-tab-shot-"));
    const path = join(dir, "tableau-de-bord.png");
    await page.screenshot({ path, fullPage: true });
    expect((await stat(path)).size).toBeGreaterThan(1000);
    expect((await readFile(path)).subarray(1, 4).toString()).toBe("PNG");
    await rm(dir, { recursive: true, force: true });
  });

  it("admin import: dry run shows the French report, then confirming writes", async () => {
    const csv = [
      "Référence;Édition;Titre;Porteur;Type de porteur;E-mail porteur;Commune;Canton;Thème;Projet jeune;Votes;Montant attribué (€);Statut",
      "2025-1;2025;Aire de jeux de Bias;Famille Dupuy;Particulier;dupuy@example.org;Bias;Cote d'Argent;Nature en ville;x;1 234;25 400 €;Lauréat",
    ].join("\r\n");
    await page.setInputFiles("#import-file", { name: "suivi.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.click("#import-form button[type=submit]");
    await page.waitForFunction(() => document.getElementById("import-report")?.textContent?.includes("Simulation"));
    expect(await page.textContent("#import-report")).toContain("Simulation : rien n'a été écrit.");
    expect(await schema.db.project.count({ where: { reference: "2025-001" } })).toBe(0);
    await page.click("#import-apply");
    await page.waitForFunction(() => document.getElementById("import-report")?.textContent?.includes("créé"));
    expect(await schema.db.project.count({ where: { reference: "2025-001" } })).toBe(1);
  });

  it("sent nothing outside loopback", () => {
    expect(outsideRequests).toEqual([]);
    expect(network.outsideHosts).toEqual([]);
  });
});
