import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { importSpreadsheet } from "../../domain/import/import-spreadsheet.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { seed } from "../../prisma/seed.ts";
import { encodeWindows1252 } from "../support/encode-windows-1252.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const NBSP = "\u00a0";
const NNBSP = "\u202f";
let schema: FreshSchema;
let dir: string;
/** 2022-017 as seeded, to write a row that updates it. */
let skatepark: {
  title: string;
  holderName: string;
  holderEmail: string;
  holderKind: string;
  canton: string;
  status: string;
  awardedCents: number;
};

beforeAll(async () => {
  schema = await freshSchema("import");
  await seed(schema.db, { now: NOW });
  dir = await mkdtemp(join(tmpdir(), "bpc40-import-"));
  const project = await schema.db.project.findUniqueOrThrow({
    where: { reference: "2022-017" },
    include: { holder: true, canton: true },
  });
  const kinds = { PERSON: "particulier", ASSOCIATION: "association", COLLECTIVE: "collectif", COMMUNE: "commune" };
  skatepark = {
    title: project.title,
    holderName: project.holder.name,
    holderEmail: project.holder.email,
    holderKind: kinds[project.holder.kind],
    canton: project.canton.name,
    status: project.status,
    awardedCents: project.awardedCents,
  };
});

afterAll(async () => {
  await schema?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Writes a fixture to the temp folder and imports it from there, as the script does. */
async function importFile(
  name: string,
  content: Buffer | string,
  options: { apply?: boolean; skipInvalid?: boolean } = {},
) {
  const path = join(dir, name);
  await writeFile(path, content);
  return importSpreadsheet(schema.db, {
    fileName: path,
    bytes: await readFile(path),
    apply: options.apply ?? false,
    skipInvalid: options.skipInvalid ?? false,
    now: NOW,
  });
}

/** Row counts of every table the import may write. */
async function tableCounts() {
  const db = schema.db;
  const [projects, holders, editions, themes, communes, audits] = await Promise.all([
    db.project.count(),
    db.holder.count(),
    db.edition.count(),
    db.theme.count(),
    db.commune.count(),
    db.auditLog.count(),
  ]);
  return { projects, holders, editions, themes, communes, audits };
}

const HEADER = [
  "REFERENCE",
  "Édition",
  "Titre",
  "Porteur",
  "type de  porteur",
  "E-mail porteur",
  "Téléphone",
  "Commune",
  "Canton",
  "Thème",
  "Projet jeune",
  "Votes",
  "Montant attribué (€)",
  "Statut",
  "Remarques",
];

/** The `;` UTF-8-with-BOM CSV: four new 2025 projects (a new edition) and 2022-017 updated. */
function semicolonCsv(): string {
  const rows = [
    HEADER,
    [
      "2025-1",
      "2025",
      "Aire de jeux de Bias",
      "Famille Dupuy",
      "Particulier",
      "dupuy@example.org",
      "05 58 00 00 01",
      "Bias",
      "Cote d'Argent",
      "Nature en ville",
      "x",
      "1 234",
      "25 400 €",
      "Lauréat",
      "à relancer",
    ],
    [
      "2025-002",
      "",
      "Jardin partagé",
      "Les Jardiniers",
      "ASSOCIATION",
      "Jardins@Example.org",
      "",
      "mimizan",
      "COTE D'ARGENT",
      "nature en ville",
      "0",
      "812",
      "25400,00",
      "convention signée",
      "",
    ],
    [],
    [
      "2025-003",
      "2025",
      "Boîte à livres",
      "Collectif du quartier",
      "collectif",
      "quartier@example.org",
      "",
      "Yzosse",
      "dax 2",
      "Culture",
      "VRAI",
      "",
      `25${NBSP}400,50${NBSP}€`,
      "",
      "",
    ],
    [
      "2025-004",
      "2025",
      "Banc public",
      "Commune de Narrosse",
      "commune",
      "mairie@narrosse.example.org",
      "",
      "Narrosse",
      "Dax-2",
      "",
      "",
      "45",
      `1${NNBSP}250`,
      "En réalisation",
      "",
    ],
    [
      "2022-017",
      "2022",
      skatepark.title,
      skatepark.holderName,
      skatepark.holderKind,
      skatepark.holderEmail.toUpperCase(),
      "",
      "",
      skatepark.canton,
      "",
      "",
      "",
      "25400",
      "",
      "vu en réunion; à suivre",
    ],
  ];
  return `\uFEFF${rows.map((cells) => cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";")).join("\r\n")}\r\n`;
}

describe("import of a `;` UTF-8 CSV with BOM", () => {
  it("dry run: reports what would change, per reference, and writes nothing", async () => {
    const before = await tableCounts();
    const outcome = await importFile("suivi-bom.csv", semicolonCsv());
    expect(outcome.mode).toBe("dry-run");
    expect(outcome.rejected).toEqual([]);
    expect(outcome.report).toContain(
      "Fichier suivi-bom.csv (CSV, séparateur « ; », encodage UTF-8 avec BOM) : 5 lignes de données",
    );
    expect(outcome.report).toContain("Colonnes ignorées : Remarques.");
    expect(outcome.report).toContain("Simulation : rien n'a été écrit.");
    expect(outcome.report).toContain("Projets : 4 à créer, 1 à mettre à jour, 0 inchangés, 0 refusés.");
    expect(outcome.report).toContain("Éditions à créer : 2025.");
    expect(outcome.report).toContain("Thèmes à créer : Nature en ville (2025), Culture (2025).");
    expect(outcome.report).toContain("Communes à créer : Bias (Côte d'Argent), Yzosse (Dax-2).");
    expect(outcome.report).toContain("  2025-001 (ligne 2) : Aire de jeux de Bias");
    expect(outcome.report).toContain(
      `  2022-017 (ligne 7) : montant attribué ${formatEuros(skatepark.awardedCents)} → ${formatEuros(2_540_000)}`,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("--apply: writes everything in one transaction, with an audit line per write", async () => {
    const before = await tableCounts();
    const outcome = await importFile("suivi-bom.csv", semicolonCsv(), { apply: true });
    expect(outcome.mode).toBe("applied");
    expect(outcome.report).toContain("Projets : 4 créés, 1 mis à jour, 0 inchangés, 0 refusés.");
    const projects = await schema.db.project.findMany({
      where: { edition: { year: 2025 } },
      include: { canton: true, commune: true, theme: true, holder: true },
      orderBy: { reference: "asc" },
    });
    expect(
      projects.map((p) => [
        p.reference,
        p.number,
        p.canton.name,
        p.commune?.name,
        p.theme?.name,
        p.isYouth,
        p.votes,
        p.awardedCents,
        p.status,
      ]),
    ).toEqual([
      ["2025-001", 1, "Côte d'Argent", "Bias", "Nature en ville", true, 1234, 2_540_000, "WINNER"],
      ["2025-002", 2, "Côte d'Argent", "Mimizan", "Nature en ville", false, 812, 2_540_000, "AGREEMENT_SIGNED"],
      ["2025-003", 3, "Dax-2", "Yzosse", "Culture", true, 0, 2_540_050, "WINNER"],
      ["2025-004", 4, "Dax-2", "Narrosse", undefined, false, 45, 125_000, "IN_PROGRESS"],
    ]);
    expect(projects[0]?.holder).toMatchObject({ kind: "PERSON", email: "dupuy@example.org", phone: "05 58 00 00 01" });
    expect(projects[1]?.holder).toMatchObject({
      kind: "ASSOCIATION",
      email: "jardins@example.org",
      name: "Les Jardiniers",
    });
    const skateparkNow = await schema.db.project.findUniqueOrThrow({
      where: { reference: "2022-017" },
      include: { holder: true },
    });
    expect(skateparkNow.awardedCents).toBe(2_540_000);
    expect(skateparkNow.status).toBe(skatepark.status);
    expect(skateparkNow.holder.email).toBe(skatepark.holderEmail);

    const after = await tableCounts();
    expect(after.projects - before.projects).toBe(4);
    expect(after.holders - before.holders).toBe(4); // the 2022-017 porteur matched by e-mail, whatever its case
    expect(after.editions - before.editions).toBe(1);
    expect(after.themes - before.themes).toBe(2);
    expect(after.communes - before.communes).toBe(2);
    const audits = await schema.db.auditLog.findMany({
      where: { actorLabel: "import suivi-bom.csv" },
      orderBy: { id: "asc" },
    });
    expect(audits).toHaveLength(1 + 2 + 2 + 4 + 4 + 1);
    expect(after.audits - before.audits).toBe(audits.length);
    const update = audits.find((a) => a.entity === "Project" && a.action === "import.update");
    expect(update).toMatchObject({
      entityId: String(skateparkNow.id),
      after: { awardedCents: 2_540_000 },
      at: NOW,
      actorId: null,
    });
    expect(Object.keys(update?.before as object)).toEqual(["awardedCents"]);
    const created = audits.find((a) => a.entity === "Project" && a.entityId === String(projects[0]?.id));
    expect(created).toMatchObject({
      action: "import.create",
      before: null,
      after: { reference: "2025-001", awardedCents: 2_540_000 },
    });
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await tableCounts();
    const outcome = await importFile("suivi-bom.csv", semicolonCsv(), { apply: true });
    expect(outcome.report).toContain("Projets : 0 créés, 0 mis à jour, 5 inchangés, 0 refusés.");
    expect(outcome.report).toContain("Porteurs : 0 créés, 0 mis à jour, 5 inchangés.");
    expect(outcome.counts).toMatchObject({ editions: 0, themes: 0, communes: 0 });
    expect(await tableCounts()).toEqual(before);
  });

  it("updates a porteur matched by e-mail and a project's status, with their audit lines, and warns of conflicting rows", async () => {
    const edited = semicolonCsv()
      .replace("Les Jardiniers;ASSOCIATION", "Les Jardiniers de Mimizan;ASSOCIATION")
      .replace("convention signée", "Réalisé")
      .replace(
        "\r\n2025-003;",
        "\r\n2025-005;2025;Bancs;Les Jardiniers;association;jardins@example.org;;;Seignanx;;;;900;;\r\n2025-003;",
      );
    const outcome = await importFile("suivi-bom-v2.csv", edited, { apply: true });
    expect(outcome.report).toContain("Projets : 1 créés, 1 mis à jour, 4 inchangés, 0 refusés.");
    expect(outcome.report).toContain("  2025-002 (ligne 3) : statut Convention signée → Réalisé");
    expect(outcome.report).toContain(
      "Porteurs mis à jour :\n  jardins@example.org (ligne 3) : nom « Les Jardiniers » → « Les Jardiniers de Mimizan »",
    );
    expect(outcome.report).toContain(
      "Porteur jardins@example.org : ligne 5, nom « Les Jardiniers » diffère de la ligne 3 ; la ligne 3 est retenue.",
    );
    const holder = await schema.db.holder.findFirstOrThrow({ where: { email: "jardins@example.org" } });
    expect(holder.name).toBe("Les Jardiniers de Mimizan");
    const audits = await schema.db.auditLog.findMany({
      where: { actorLabel: "import suivi-bom-v2.csv", action: "import.update" },
    });
    expect(audits.map((a) => [a.entity, a.before, a.after])).toEqual(
      expect.arrayContaining([
        ["Holder", { name: "Les Jardiniers" }, { name: "Les Jardiniers de Mimizan" }],
        ["Project", { status: "AGREEMENT_SIGNED" }, { status: "COMPLETED" }],
      ]),
    );
    expect(audits).toHaveLength(2);
  });
});

describe("import of a `,` Windows-1252 CSV", () => {
  const csv = [
    "Référence,Edition,Titre du projet,Nom du porteur,Type,Courriel,Commune,CANTON,Thématique,Projet jeune,Nombre de votes,Montant,État",
    '2025-010,2025,Fête de l’été à Léon,Comité des fêtes,association,fetes@leon.example.org,Léon,côte d’argent,Culture,non,"1 020","25 400,50 €",Lauréat',
    '2025-011,2025,"Théâtre ""en plein air""",Cœur de village,Association,coeur@example.org,,Mont-de-Marsan 2,Éducation et jeunesse,oui,300,"12 000",abandonnée',
  ].join("\r\n");

  it("detects the separator and the encoding and keeps every accent", async () => {
    const dry = await importFile("suivi-1252.csv", encodeWindows1252(csv));
    expect(dry.report).toContain("(CSV, séparateur « , », encodage Windows-1252) : 2 lignes de données");
    expect(dry.rejected).toEqual([]);
    const applied = await importFile("suivi-1252.csv", encodeWindows1252(csv), { apply: true });
    expect(applied.report).toContain("Projets : 2 créés, 0 mis à jour, 0 inchangés, 0 refusés.");
    const projects = await schema.db.project.findMany({
      where: { reference: { in: ["2025-010", "2025-011"] } },
      include: { canton: true, holder: true, theme: true, commune: true },
      orderBy: { reference: "asc" },
    });
    expect(
      projects.map((p) => [
        p.title,
        p.holder.name,
        p.canton.name,
        p.theme?.name,
        p.commune?.name,
        p.votes,
        p.awardedCents,
        p.status,
      ]),
    ).toEqual([
      ["Fête de l’été à Léon", "Comité des fêtes", "Côte d'Argent", "Culture", "Léon", 1020, 2_540_050, "WINNER"],
      [
        'Théâtre "en plein air"',
        "Cœur de village",
        "Mont-de-Marsan-2",
        "Éducation et jeunesse",
        undefined,
        300,
        1_200_000,
        "ABANDONED",
      ],
    ]);
  });
});

describe("import of an xlsx written by Excel", () => {
  async function workbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Lauréats 2025");
    sheet.addRow(["Suivi des lauréats BPC 2025"]);
    sheet.addRow([]);
    sheet.addRow([
      "Réf.",
      "Année",
      "Intitulé",
      "Porteur du projet",
      "Type porteur",
      "Email",
      "Tél",
      "Ville",
      "Canton",
      "Thème",
      "Jeune",
      "Voix",
      "Montant voté",
      "Statut du projet",
      "Commentaire",
    ]);
    sheet.addRow([
      "2025-020",
      2025,
      "Skatepark de Seignosse",
      "Riders 40",
      "association",
      { text: "riders@example.org", hyperlink: "mailto:riders@example.org" },
      558123456,
      "Seignosse",
      "Marensin Sud",
      "Sports",
      true,
      2048,
      25400.5,
      "Bilan N+1 reçu",
      "ok",
    ]);
    sheet.addRow([
      "2025-021",
      2025,
      { richText: [{ text: "Verger " }, { text: "partagé", font: { italic: true } }] },
      "Lou Pomèr",
      "Collectif",
      "lou@example.org",
      null,
      null,
      "seignanx",
      "EDUCATION ET JEUNESSE",
      0,
      null,
      { formula: "20000+400", result: 20400 },
      "Soldé",
      null,
    ]);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it("reads numbers, booleans, links, rich text and formulas below a title line", async () => {
    const bytes = await workbook();
    const outcome = await importFile("suivi.xlsx", bytes, { apply: true });
    expect(outcome.report).toContain("Fichier suivi.xlsx (classeur Excel) : 2 lignes de données, en-tête ligne 3.");
    expect(outcome.report).toContain("Colonnes ignorées : Commentaire.");
    expect(outcome.report).toContain("Thèmes créés : Sports (2025).");
    expect(outcome.rejected).toEqual([]);
    const projects = await schema.db.project.findMany({
      where: { reference: { in: ["2025-020", "2025-021"] } },
      include: { canton: true, holder: true, theme: true },
      orderBy: { reference: "asc" },
    });
    expect(
      projects.map((p) => [
        p.title,
        p.canton.name,
        p.theme?.name,
        p.isYouth,
        p.votes,
        p.awardedCents,
        p.status,
        p.holder.email,
        p.holder.phone,
      ]),
    ).toEqual([
      [
        "Skatepark de Seignosse",
        "Marensin Sud",
        "Sports",
        true,
        2048,
        2_540_050,
        "REPORT_RECEIVED",
        "riders@example.org",
        "0558123456",
      ],
      [
        "Verger partagé",
        "Seignanx",
        "Éducation et jeunesse",
        false,
        0,
        2_040_000,
        "PAID_IN_FULL",
        "lou@example.org",
        null,
      ],
    ]);
    const again = await importFile("suivi.xlsx", bytes, { apply: true });
    expect(again.report).toContain("Projets : 0 créés, 0 mis à jour, 2 inchangés, 0 refusés.");
  });
});

describe("a file with bad rows", () => {
  const csv = [
    "Référence;Titre;Porteur;Type de porteur;Email porteur;Canton;Projet jeune;Votes;Montant attribué;Statut",
    "2025-030;Ombrières;Asso A;association;a@example.org;Seignanx;oui;10;5 000;Lauréat",
    "",
    "22-17;;Asso B;entreprise;pas-un-email;Paris;peut-être;beaucoup;25.400;en pause",
    '2025-031;"Titre sur',
    'deux lignes";Asso C;association;c@example.org;Seignanx;non;1;25400.00;',
    "2025-030;Doublon;Asso A;association;a@example.org;Seignanx;;;1 000;",
    "2025-032;Sans montant;Asso D;association;d@example.org;Pays tyrossais;;;;",
  ].join("\r\n");

  it("lists every refused row with its line number and all its reasons", async () => {
    const outcome = await importFile("erreurs.csv", csv);
    expect(outcome.rejected.map((r) => [r.line, r.reference, r.reasons.length])).toEqual([
      [4, null, 9],
      [5, "2025-031", 1],
      [7, "2025-030", 1],
      [8, "2025-032", 1],
    ]);
    expect(outcome.report).toContain(
      "  Ligne 4 : référence « 22-17 » invalide (attendu par exemple 2022-017) ; titre manquant ; type de porteur « entreprise » inconnu (particulier, association, collectif ou commune) ; e-mail du porteur « pas-un-email » invalide ; canton « Paris » inconnu (les 15 cantons des Landes) ; projet jeune « peut-être » : oui ou non attendu ; votes « beaucoup » : nombre entier attendu ; montant « 25.400 » illisible (attendu par exemple 25 400 €, 25400,00 ou 25 400,50) ; statut « en pause » inconnu (Lauréat, Convention en cours",
    );
    expect(outcome.report).toContain("  Ligne 5 (2025-031) : montant « 25400.00 » illisible");
    expect(outcome.report).toContain("  Ligne 7 (2025-030) : référence 2025-030 déjà présente ligne 2");
    expect(outcome.report).toContain("  Ligne 8 (2025-032) : montant manquant");
    expect(outcome.report).toContain("Projets : 1 à créer, 0 à mettre à jour, 0 inchangés, 4 refusés.");
  });

  it("--apply writes nothing while a row is refused, unless --skip-invalid", async () => {
    const before = await tableCounts();
    const refused = await importFile("erreurs.csv", csv, { apply: true });
    expect(refused.mode).toBe("refused");
    expect(refused.report).toContain(
      "Rien n'a été écrit : 4 lignes sont refusées. Corrigez-les, ou relancez avec --skip-invalid",
    );
    expect(await tableCounts()).toEqual(before);
    const skipped = await importFile("erreurs.csv", csv, { apply: true, skipInvalid: true });
    expect(skipped.mode).toBe("applied");
    expect(skipped.report).toContain("Projets : 1 créés, 0 mis à jour, 0 inchangés, 4 refusés.");
    expect(skipped.report).toContain("Lignes refusées (non importées) :");
    expect(await schema.db.project.findUnique({ where: { reference: "2025-030" }, select: { title: true } })).toEqual({
      title: "Ombrières",
    });
    expect(await schema.db.project.count({ where: { reference: { in: ["2025-031", "2025-032"] } } })).toBe(0);
  });

  it("refuses a file whose required columns are missing, naming them", async () => {
    const outcome = await importFile("incomplet.csv", "Référence;Titre;Porteur\r\n2025-040;Un titre;Quelqu'un\r\n", {
      apply: true,
    });
    expect(outcome.mode).toBe("refused");
    expect(outcome.report).toContain(
      "Colonnes obligatoires absentes : Type de porteur, Email porteur, Canton, Montant attribué. Rien n'a été écrit.",
    );
  });
});

describe("npm run import", () => {
  const run = (path: string) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/import.ts", path], {
      env: { ...process.env, DATABASE_URL: schema.databaseUrl, DATABASE_SCHEMA: schema.schema, NODE_ENV: "test" },
    });

  it("runs the dry run from the command line: exit 0 on a clean file, 1 with refused rows", async () => {
    const clean = join(dir, "cli.csv");
    await writeFile(
      clean,
      semicolonCsv()
        .split("\r\n")
        .filter((line, i) => i === 0 || line.startsWith("2025-004"))
        .join("\r\n"),
    );
    const { stdout } = await run(clean);
    expect(stdout).toContain("Fichier cli.csv");
    expect(stdout).toContain("Simulation : rien n'a été écrit.");
    expect(stdout).toContain("Projets : 0 à créer, 0 à mettre à jour, 1 inchangés, 0 refusés.");
    const failed = await run(join(dir, "erreurs.csv")).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("Ligne 4 : référence « 22-17 » invalide"),
    });
  });
});
