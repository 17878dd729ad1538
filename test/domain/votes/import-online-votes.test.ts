import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../../domain/dates/paris-time.ts";
import { importOnlineVotes } from "../../../domain/votes/import-online-votes.ts";
import { parseVoteCount } from "../../../domain/votes/parse-vote-count.ts";
import { seed } from "../../../prisma/seed.ts";
import { encodeWindows1252 } from "../../support/encode-windows-1252.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { createVoteIdeas } from "../../support/vote-count-fixture.ts";

const NOW = parisTime(2026, 11, 29, 10, 0);
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("online_votes");
  await seed(schema.db, { now: NOW });
  await createVoteIdeas(schema.db);
});
afterAll(async () => {
  await schema?.drop();
});

const onlineVotes = async () =>
  Object.fromEntries(
    (await schema.db.idea.findMany({ select: { reference: true, onlineVotes: true } })).map((i) => [
      i.reference,
      i.onlineVotes,
    ]),
  );

// The platform's export as Excel on Windows saves it: a title line, `;`, Windows-1252, "1 234".
const CLEAN = [
  "Résultats du vote — budget participatif 2024",
  "Identifiant;Titre de l'idée;Nombre de voix;Catégorie",
  "i2024-1;Pumptrack du bourg;1 234;Sport",
  "I2024-0002;Boîtes à livres;\u00a0987;Culture",
  "I2024-0003;Jardin partagé;12\u00a0045;Environnement",
].join("\r\n");

describe("parseVoteCount", () => {
  it("reads plain and grouped counts and number cells; refuses the rest with a reason", () => {
    expect(parseVoteCount("1 234", 10_000)).toEqual({ ok: true, votes: 1234 });
    expect(parseVoteCount("12\u202f045", 100_000)).toEqual({ ok: true, votes: 12045 });
    expect(parseVoteCount(87, 100)).toEqual({ ok: true, votes: 87 });
    expect(parseVoteCount("0", 100)).toEqual({ ok: true, votes: 0 });
    const refused = (value: string | number | null, max = 10_000) => {
      const result = parseVoteCount(value, max);
      return result.ok ? "accepted" : result.reason;
    };
    expect(refused("-3")).toContain("ne peut pas être négatif");
    expect(refused(-3)).toContain("ne peut pas être négatif");
    expect(refused("12,5")).toContain("n'est pas un nombre entier");
    expect(refused(12.5)).toContain("n'est pas un nombre entier");
    expect(refused("1.234")).toContain("n'est pas un nombre entier");
    expect(refused("douze")).toContain("n'est pas un nombre de voix");
    expect(refused("12 34")).toContain("n'est pas un nombre de voix");
    expect(refused("")).toBe("nombre de voix manquant");
    expect(refused(null)).toBe("nombre de voix manquant");
    expect(refused("20 000", 5_000)).toContain("plus que le maximum plausible (5\u202f000)");
  });
});

describe("importOnlineVotes", () => {
  it("dry run: lists what would change, writes nothing", async () => {
    const outcome = await importOnlineVotes(schema.db, {
      fileName: "/tmp/resultats.csv",
      bytes: encodeWindows1252(CLEAN),
      editionYear: 2024,
      apply: false,
      now: NOW,
    });
    expect(outcome.mode).toBe("dry-run");
    expect(outcome.updated).toEqual(["I2024-0001", "I2024-0002", "I2024-0003"]);
    expect(outcome.report).toContain("séparateur « ; », encodage Windows-1252");
    expect(outcome.report).toContain("- I2024-0001 Pumptrack du bourg : 0 → 1\u202f234 voix");
    expect(outcome.report).toContain("- I2024-0003 Jardin partagé : 0 → 12\u202f045 voix");
    expect(outcome.report).toContain("Colonnes ignorées : Catégorie.");
    expect(outcome.report).toContain("1 idée(s) de l'édition absente(s) du fichier");
    expect(outcome.report).toContain("Simulation : rien n'a été écrit");
    expect((await onlineVotes())["I2024-0001"]).toBe(0);
  });

  it("refuses unknown references, another edition's idea, duplicates and bad counts; nothing half-written", async () => {
    const bad = [
      "\ufeffRéférence,Titre,Votes",
      "I2024-0001,Pumptrack,100",
      "I2024-0999,Inconnue,5",
      "I2021-0001,Skatepark,5",
      "I2024-0002,Boîtes,-4",
      'I2024-0003,Jardin,"12,5"',
      "I2024-0001,Pumptrack encore,100",
      ",Sans référence,3",
    ].join("\n");
    const outcome = await importOnlineVotes(schema.db, {
      fileName: "resultats.csv",
      bytes: Buffer.from(bad, "utf8"),
      apply: true,
      now: NOW,
    });
    expect(outcome.mode).toBe("refused");
    expect(outcome.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(outcome.report).toContain("séparateur « , », encodage UTF-8 avec BOM");
    expect(outcome.report).toContain("ligne 3 (I2024-0999) : aucune idée I2024-0999 n'est enregistrée");
    expect(outcome.report).toContain(
      "ligne 4 (I2021-0001) : l'idée I2021-0001 appartient à l'édition 2021, pas à 2024",
    );
    expect(outcome.report).toContain("ligne 5 (I2024-0002) : « -4 » : un nombre de voix ne peut pas être négatif");
    expect(outcome.report).toContain("ligne 6 (I2024-0003) : « 12,5 » n'est pas un nombre entier de voix");
    expect(outcome.report).toContain("ligne 7 (I2024-0001) : idée I2024-0001 déjà présente ligne 2");
    expect(outcome.report).toContain("ligne 8 : référence manquante");
    expect(outcome.report).toContain("Rien n'a été écrit");
    expect((await onlineVotes())["I2024-0001"]).toBe(0);
    expect(await schema.db.auditLog.count({ where: { action: "idea.online-votes" } })).toBe(0);
  });

  it("refuses a file without a votes column", async () => {
    const outcome = await importOnlineVotes(schema.db, {
      fileName: "resultats.csv",
      bytes: Buffer.from("Référence;Titre\nI2024-0001;Pumptrack\n"),
      apply: true,
      now: NOW,
    });
    expect(outcome.mode).toBe("refused");
    expect(outcome.report).toContain("Colonnes obligatoires absentes : Votes");
  });

  it("applies in one transaction with audit lines; the same file again changes nothing (it sets, never adds)", async () => {
    const run = () =>
      importOnlineVotes(schema.db, {
        fileName: "resultats.csv",
        bytes: encodeWindows1252(CLEAN),
        apply: true,
        now: NOW,
      });
    const first = await run();
    expect(first.mode).toBe("applied");
    expect(first.report).toContain("3 idée(s) mise(s) à jour");
    expect(await onlineVotes()).toMatchObject({ "I2024-0001": 1234, "I2024-0002": 987, "I2024-0003": 12045 });
    const audits = await schema.db.auditLog.findMany({ where: { action: "idea.online-votes" } });
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({ actorLabel: "import resultats.csv", before: { onlineVotes: 0 } });

    const again = await run();
    expect(again.mode).toBe("applied");
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(3);
    expect(await onlineVotes()).toMatchObject({ "I2024-0001": 1234, "I2024-0002": 987, "I2024-0003": 12045 });
    expect(await schema.db.auditLog.count({ where: { action: "idea.online-votes" } })).toBe(3);
  });

  it("reads an .xlsx export with number cells, and refuses to write once the results are published", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Résultats");
    sheet.addRow(["Réf", "Idée", "Votes en ligne"]);
    sheet.addRow(["I2024-0004", "Abri à vélos", 321]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await importOnlineVotes(schema.db, { fileName: "r.xlsx", bytes, apply: false, now: NOW });
    expect(dry.report).toContain("classeur Excel");
    expect(dry.updated).toEqual(["I2024-0004"]);

    await schema.db.edition.update({ where: { year: 2024 }, data: { publishedAt: NOW } });
    const refused = await importOnlineVotes(schema.db, { fileName: "r.xlsx", bytes, apply: true, now: NOW });
    expect(refused.mode).toBe("refused");
    expect(refused.report).toContain("Les résultats de l'édition 2024 sont publiés");
    expect((await onlineVotes())["I2024-0004"]).toBe(0);
    await schema.db.edition.update({ where: { year: 2024 }, data: { publishedAt: null } });
  });
});

describe("npm run votes", () => {
  it("simulates by default, writes with --appliquer, exits 1 on a refused line and 2 without a file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bpc40-votes-"));
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/import-votes.ts", ...args], {
        env: { ...process.env, DATABASE_URL: schema.databaseUrl, DATABASE_SCHEMA: schema.schema, NODE_ENV: "test" },
      }).catch((error: { code: number; stdout: string }) => error);
    try {
      const file = join(dir, "resultats.csv");
      await writeFile(file, "Référence;Voix\nI2024-0004;55\n");
      const dry = await run(file, "--edition", "2024");
      expect(dry.stdout).toContain("- I2024-0004 Abri à vélos : 0 → 55 voix");
      expect(dry.stdout).toContain("Relancez avec --appliquer");
      expect((await onlineVotes())["I2024-0004"]).toBe(0);
      expect((await run(file, "--appliquer")).stdout).toContain("Votes en ligne enregistrés");
      expect((await onlineVotes())["I2024-0004"]).toBe(55);
      await writeFile(file, "Référence;Voix\nI2024-0004;beaucoup\n");
      expect(await run(file, "--appliquer")).toMatchObject({
        code: 1,
        stdout: expect.stringContaining("Rien n'a été écrit"),
      });
      expect(await run()).toMatchObject({ code: 2, stdout: expect.stringContaining("Usage : npm run votes") });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
