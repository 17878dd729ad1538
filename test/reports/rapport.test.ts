import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rapportCommand } from "../../bot/commands/rapport.ts";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { signToken } from "../../domain/links/signed-token.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { signReportToken } from "../../domain/reports/report-token.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const config = () => testConfig({ DATABASE_SCHEMA: schema.schema });
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("rapport");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(config(), schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

/** Posts a Teams message and returns the bot's single reply activity. */
async function reply(text: string): Promise<Record<string, unknown>> {
  const activity = teamsMessage({ serviceUrl: connector.url, text });
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [answer] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
  return answer?.activity ?? {};
}

type Card = { body: unknown[]; actions: { type: string; title: string; url: string }[] };

async function askCard(text: string): Promise<{ card: Card; summary: string; json: string }> {
  const activity = await reply(text);
  const [attachment] = activity.attachments as { contentType: string; content: Card }[];
  expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  const card = attachment?.content as Card;
  return { card, summary: String(activity.text), json: JSON.stringify(card) };
}

/** The link's path, fetched from the running test server (links name PUBLIC_BASE_URL or localhost). */
function download(link: string): Promise<Response> {
  const url = new URL(link);
  return fetch(`${bot.url}${url.pathname}`);
}

describe("rapport over the Bot Framework protocol", () => {
  let card: Card;
  let json: string;

  beforeAll(async () => {
    ({ card, json } = await askCard("rapport 2022"));
  });

  it("answers rapport 2022 with a valid summary card: counts and amounts per status and the totals, in French", async () => {
    expect(validateAdaptiveCard(card as unknown as Record<string, unknown>)).toEqual([]);
    expect(json).toContain("Rapport de suivi — édition 2022");
    const [sums] = await schema.db.$queryRaw<{ awarded: bigint; n: bigint }[]>`
      SELECT SUM(p."awardedCents") AS awarded, COUNT(*) AS n FROM "Project" p JOIN "Edition" e ON e.id = p."editionId" WHERE e.year = 2022`;
    expect(json).toContain(JSON.stringify({ title: "Montant attribué", value: formatEuros(Number(sums?.awarded)) }));
    expect(json).toContain(`"value":"${Number(sums?.n)} dont 9 jeunes"`);
    const byStatus = await schema.db.project.groupBy({
      by: ["status"],
      where: { edition: { year: 2022 } },
      _count: true,
    });
    const signed = byStatus.find((s) => s.status === "AGREEMENT_SIGNED")?._count;
    expect(signed).toBeGreaterThan(0);
    expect(json).toContain(`"title":"Convention signée (${signed})"`);
    expect(card.actions.map((a) => [a.type, a.title])).toEqual([
      ["Action.OpenUrl", "Télécharger le classeur Excel"],
      ["Action.OpenUrl", "Télécharger le CSV"],
    ]);
    expect(card.actions[0]?.url).toMatch(/^http:\/\/localhost:0\/files\/[\w-]+\.[\w-]+$/);
  });

  it("serves the workbook behind the first link, regenerated, as an attachment", async () => {
    const response = await download(card.actions[0]?.url ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="rapport-suivi-2022-2026-11-28.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet("Projets")?.rowCount).toBe(46);
    const info = new Map<unknown, unknown>();
    workbook.getWorksheet("Informations")?.eachRow((row) => info.set(row.getCell(1).value, row.getCell(2).value));
    expect(info.get("Par")).toBe("Marie Lafitte");
  });

  it("serves the CSV behind the second link", async () => {
    const response = await download(card.actions[1]?.url ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="rapport-suivi-2022-2026-11-28.csv"',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n2022-017;");
  });

  it("refuses a forged token (403) and an expired one (410) with a French page", async () => {
    const [body, signature] = (new URL(card.actions[0]?.url ?? "").pathname.split("/").pop() ?? "").split(".");
    const tampered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body ?? "", "base64url").toString()), edition: 2021 }),
    );
    const forged = await fetch(`${bot.url}/files/${tampered.toString("base64url")}.${signature}`);
    expect(forged.status).toBe(403);
    expect(forged.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await forged.text()).toContain("Ce lien de téléchargement n'est pas valide.");

    const otherPurpose = signToken(config().BPC40_SECRET, { email: "porteur@example.org" });
    expect((await fetch(`${bot.url}/files/${otherPurpose}`)).status).toBe(403);
    expect((await fetch(`${bot.url}/files/n-importe-quoi`)).status).toBe(403);

    const yesterday = new Date(NOW.getTime() - 25 * 3600_000);
    const stale = signReportToken(
      config().BPC40_SECRET,
      { edition: 2022, format: "xlsx", by: "Marie Lafitte" },
      yesterday,
    );
    const expired = await fetch(`${bot.url}/files/${stale}`);
    expect(expired.status).toBe(410);
    const page = await expired.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain("a expiré");
  });

  it("covers every edition without one, and refuses an unknown edition in French", async () => {
    const all = await askCard("rapport");
    expect(all.json).toContain("Rapport de suivi — toutes les éditions");
    expect(all.summary).toContain(`${await schema.db.project.count()} projets`);
    const unknown = await reply("rapport 2023");
    expect(String(unknown.text)).toContain(
      "Je ne connais pas l'édition « 2023 ». Éditions enregistrées : 2019, 2021, 2022, 2024.",
    );
    const nonsense = await reply("rapport bientôt");
    expect(String(nonsense.text)).toContain("Je ne connais pas l'édition « bientôt »");
  });

  it("is open to readers", () => {
    expect(rapportCommand.requires).toBe("READER");
  });
});
