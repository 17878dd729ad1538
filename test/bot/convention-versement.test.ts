import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { signFileToken } from "../../domain/links/file-token.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createEmailQueue, emailJobId } from "../../jobs/queues/email-queue.ts";
import { seed } from "../../prisma/seed.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { deleteRedisPrefix, redisPrefix } from "../support/redis-prefix.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { AGENT_USER, teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

const NOW = parisTime(2026, 3, 20, 11, 0);
const READER = { ...AGENT_USER, id: "29:reader", name: "Lecteur", aadObjectId: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e06" };
const prefix = redisPrefix("convention");
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;
let config: ReturnType<typeof testConfig>;
let reference: string;

beforeAll(async () => {
  schema = await freshSchema("convention_bot");
  await seed(schema.db, { now: NOW });
  connector = await new ConnectorStandIn().start();
  config = testConfig({ DATABASE_SCHEMA: schema.schema, REDIS_PREFIX: prefix });
  bot = await startBot(config, schema.db, () => NOW);
  const project = await schema.db.project.findFirstOrThrow({
    where: { status: "WINNER", agreements: { none: {} }, edition: { year: 2024 } },
    select: { reference: true },
    orderBy: { reference: "asc" },
  });
  reference = project.reference;
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
  await deleteRedisPrefix(config.REDIS_URL, prefix);
});

/** Posts a Teams message over the Bot Framework protocol and returns the text of the bot's reply. */
async function ask(text: string, from = AGENT_USER): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, from });
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const [reply] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
  return String(reply?.activity.text);
}

/** The first Markdown link of a reply, fetched from the running test server. */
function download(text: string): Promise<Response> {
  const href = /\]\((https?:\/\/[^)]+)\)/.exec(text)?.[1];
  expect(href).toBeDefined();
  return fetch(`${bot.url}${new URL(href ?? "").pathname}`);
}

describe("convention, versement and export astre over the Bot Framework protocol", () => {
  it("drafts the convention with the amount given, and its DOCX downloads from the link", async () => {
    const text = await ask(`convention ${reference} montant 68 525 €`);
    expect(text).toContain(`Convention **CONV-${reference}** préparée (brouillon).`);
    expect(text).toContain("68\u202f525,00\u00a0€ (soixante-huit mille cinq cent vingt-cinq euros)");
    const response = await download(text);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="convention-CONV-${reference}.docx"`,
    );
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await response.arrayBuffer()))["word/document.xml"]);
    expect(xml).toContain("soixante-huit mille cinq cent vingt-cinq euros");
  });

  it("refuses an expired link (410, French page) and a tampered one (403)", async () => {
    const agreement = await schema.db.agreement.findFirstOrThrow({ where: { reference: `CONV-${reference}` } });
    const stale = signFileToken(
      config.BPC40_SECRET,
      { kind: "agreement", agreementId: agreement.id },
      new Date(NOW.getTime() - 25 * 3600_000),
      24,
    );
    const expired = await fetch(`${bot.url}/files/${stale}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("tapez de nouveau <strong>convention</strong>");
    const fresh = signFileToken(config.BPC40_SECRET, { kind: "agreement", agreementId: agreement.id }, NOW, 24);
    const [body, signature] = fresh.split(".");
    const forged = Buffer.from(JSON.stringify({ kind: "agreement", agreementId: agreement.id + 1, exp: 9e9 })).toString(
      "base64url",
    );
    expect((await fetch(`${bot.url}/files/${forged}.${signature}`)).status).toBe(403);
    expect((await fetch(`${bot.url}/files/${body}.${signature}`)).status).toBe(200);
  });

  it("refuses a reader, and an invalid transition, in French", async () => {
    expect(await ask(`convention ${reference} envoyer`, READER)).toContain(
      "réservée aux agents et aux administrateurs",
    );
    expect(await ask(`convention ${reference} signée département`)).toContain(
      "est en préparation (brouillon), elle ne peut pas être signée par le Département",
    );
  });

  it("convention … envoyer: SENT, the e-mail queued with the porteur's document link", async () => {
    const text = await ask(`Convention ${reference} envoyer`);
    expect(text).toContain(`Convention **CONV-${reference}** envoyée : le porteur reçoit un e-mail`);
    const row = await schema.db.notification.findFirstOrThrow({
      where: { template: "agreement-to-sign", idempotencyKey: `agreement-to-sign:CONV-${reference}` },
    });
    const documentUrl = String((row.payload as { documentUrl: string }).documentUrl);
    expect((await fetch(`${bot.url}${new URL(documentUrl).pathname}`)).status).toBe(200);
    const redis = createRedis(config.REDIS_URL);
    const queue = createEmailQueue(redis, config);
    expect(await queue.getJob(emailJobId(row.id))).toBeDefined();
    await queue.close();
    await redis.quit();
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference } });
    expect(project.status).toBe("AGREEMENT_PENDING");
  });

  it("versement before signature is refused; after both signatures it is recorded with the totals", async () => {
    const command = `versement ${reference} acompte 14 000 € mandat M2026-004512 le 12/03/2026`;
    expect(await ask(command)).toContain("sa convention n'est pas signée par les deux parties");
    expect(await ask(`convention ${reference} signée porteur 10/03/2026`)).toContain(
      "signature du porteur enregistrée",
    );
    expect(await ask(`convention ${reference} signée département`)).toContain("signée par les deux parties");
    expect(await ask(`versement ${reference} acompte 14 000 € mandat 2026-4512`)).toContain(
      "n'est pas un numéro de mandat Astre",
    );
    const text = await ask(command);
    expect(text).toContain(
      `Acompte de 14\u202f000,00\u00a0€ enregistré pour le projet ${reference} (mandat M2026-004512, le jeudi 12 mars 2026)`,
    );
    expect(text).toContain("Reste à verser : 54\u202f525,00\u00a0€");
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference } });
    expect(project.status).toBe("IN_PROGRESS");
    expect(await schema.db.notification.count({ where: { template: "payment-sent", projectId: project.id } })).toBe(1);
  });

  it("export astre du … au …: a link to the CSV, fetched and parsed back", async () => {
    const text = await ask("export astre du 01/03/2026 au 31/03/2026");
    expect(text).toContain("Export Astre des versements du 01/03/2026 au 31/03/2026");
    const response = await download(text);
    expect(response.status).toBe(200);
    const csv = Buffer.from(await response.arrayBuffer()).toString("utf8");
    expect(
      csv.startsWith("\uFEFFBénéficiaire;SIRET;Objet;Montant;Référence convention;Imputation;Date;Mandat\r\n"),
    ).toBe(true);
    const line = csv.split("\r\n").find((l) => l.includes(`BPC40 ${reference} acompte`));
    expect(line?.split(";").slice(3)).toEqual([
      "14000,00",
      `CONV-${reference}`,
      "204-74-20422",
      "12/03/2026",
      "M2026-004512",
    ]);
  });

  it("export astre 2024 answers with a link too", async () => {
    const text = await ask("export astre 2024");
    expect(text).toMatch(/Export Astre des versements de l'édition 2024 : \d+ versements?\./);
    expect((await download(text)).status).toBe(200);
  });

  it("changer statut sets the status by hand with a reason", async () => {
    const text = await ask(`changer statut ${reference} réalisé "travaux terminés"`);
    expect(text).toBe(`Projet ${reference} : statut « En réalisation » → « Réalisé » (raison : travaux terminés).`);
    expect(await ask(`changer statut ${reference} fini "x"`)).toContain("Je ne connais pas le statut « fini »");
    expect(await ask(`changer statut ${reference} clos`)).toContain("Indiquez la raison entre guillemets");
  });
});
