import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { addIdeaNote } from "../../domain/ideas/add-idea-note.ts";
import { decideIdea } from "../../domain/ideas/decide-idea.ts";
import { importIdeas } from "../../domain/ideas/import-ideas.ts";
import { derivedIdeaReference } from "../../domain/ideas/normalize-idea-row.ts";
import { seed } from "../../prisma/seed.ts";
import { encodeWindows1252 } from "../support/encode-windows-1252.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const ACTOR = { agentId: null, name: "Julien Lartigau" };
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("ideas");
  await seed(schema.db, { now: NOW });
});
afterAll(async () => {
  await schema?.drop();
});

const HEADER = "Identifiant;Titre;Porteur;Contact;Téléphone;Commune;Canton;Thème;Coût estimé (€);Jeune;Description";
const CSV = [
  "Export de la plateforme jeparticipe.landes.fr",
  HEADER,
  "I2024-0123;Pumptrack du bourg;Collectif des riders;riders@exemple.fr;0558123456;Grenade-sur-l'Adour;;;25 000,00 €;oui;Une piste ouverte à tous les jeunes de la commune, gérée avec le club.",
  "I2024-0124;Boîtes à livres;Léa Dufau;LEA.DUFAU@exemple.fr;;;Côte d’Argent;;1 200 €;non;Trois boîtes à livres en libre service pour les habitants du quartier et les écoles.",
  ";Jardin sans identifiant;Jean Labat;jean.labat@exemple.fr;;;dax 1;;3 000;;Un jardin partagé ouvert aux voisins, aux écoles et aux associations du quartier.",
  "I2024-0125;;Sans titre;pas-un-email;;;Atlantide;;beaucoup;peut-être;",
  "I2024-0123;Doublon;X;x@exemple.fr;;;;;10;;",
].join("\r\n");

const countIdeas = () => schema.db.idea.count();

describe("importIdeas", () => {
  it("dry run by default: says what would be created, refuses bad lines with their number, writes nothing", async () => {
    const outcome = await importIdeas(schema.db, {
      fileName: "/tmp/idees.csv",
      bytes: encodeWindows1252(CSV),
      editionYear: 2024,
      apply: false,
      now: NOW,
    });
    expect(outcome.mode).toBe("dry-run");
    expect(outcome.created).toHaveLength(3);
    expect(outcome.rejected.map((r) => r.line)).toEqual([6, 7]);
    expect(outcome.report).toContain("ligne 6 (I2024-0125) : titre manquant");
    expect(outcome.report).toContain("e-mail de contact « pas-un-email » invalide");
    expect(outcome.report).toContain("canton « Atlantide » inconnu");
    expect(outcome.report).toContain("jeune « peut-être »");
    expect(outcome.report).toContain("ligne 7 (I2024-0123) : idée I2024-0123 déjà présente ligne 3");
    expect(outcome.report).toContain("Simulation : rien n'a été écrit");
    expect(await countIdeas()).toBe(0);
  });

  it("--apply is refused as a whole while a line is refused", async () => {
    const outcome = await importIdeas(schema.db, {
      fileName: "idees.csv",
      bytes: encodeWindows1252(CSV),
      apply: true,
      now: NOW,
    });
    expect(outcome.mode).toBe("refused");
    expect(await countIdeas()).toBe(0);
  });

  it("applies a clean file in one go, then a re-import changes nothing, and a changed cell updates only that idea", async () => {
    const clean = CSV.split("\r\n").slice(0, 5).join("\r\n");
    const first = await importIdeas(schema.db, {
      fileName: "idees.csv",
      bytes: Buffer.from(clean, "utf8"),
      apply: true,
      now: NOW,
    });
    expect(first.mode).toBe("applied");
    expect(first.created).toHaveLength(3);
    const pumptrack = await schema.db.idea.findUniqueOrThrow({
      where: { reference: "I2024-0123" },
      include: { canton: true, commune: true, edition: true },
    });
    expect(pumptrack).toMatchObject({
      estimatedCents: 2_500_000,
      isYouth: true,
      contactPhone: "0558123456",
      status: "TO_ANALYSE",
    });
    expect(pumptrack.edition.year).toBe(2024);
    expect(pumptrack.commune?.name).toBe("Grenade-sur-l'Adour");
    expect(pumptrack.canton?.name).toBe("Adour Armagnac");
    const lea = await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2024-0124" } });
    expect(lea.contactEmail).toBe("lea.dufau@exemple.fr");
    const derived = derivedIdeaReference(2024, "Jardin sans identifiant", "jean.labat@exemple.fr");
    expect(await schema.db.idea.count({ where: { reference: derived } })).toBe(1);
    expect(await schema.db.auditLog.count({ where: { action: "idea.import" } })).toBe(3);

    const again = await importIdeas(schema.db, {
      fileName: "idees.csv",
      bytes: Buffer.from(clean),
      apply: true,
      now: NOW,
    });
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(3);
    expect(await countIdeas()).toBe(3);

    await decideIdea(schema.db, { reference: "I2024-0124", status: "ELIGIBLE", actor: ACTOR, now: NOW });
    const changed = clean.replace("1 200 €", "1 500 €");
    const third = await importIdeas(schema.db, {
      fileName: "idees.csv",
      bytes: Buffer.from(changed),
      apply: true,
      now: NOW,
    });
    expect(third.updated).toEqual(["I2024-0124"]);
    const after = await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2024-0124" } });
    expect(after.estimatedCents).toBe(150_000);
    expect(after.status).toBe("ELIGIBLE");
  });

  it("reads an .xlsx export with a number cost and a tick for youth", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Idées");
    sheet.addRow([
      "Titre de l'idée",
      "Nom du porteur",
      "E-mail",
      "Canton",
      "Montant estimé",
      "Projet jeune",
      "Description",
    ]);
    sheet.addRow([
      "Skate mobile",
      "Classe de 3e B",
      "college@exemple.fr",
      "Seignanx",
      18000.5,
      "x",
      "Des modules de skate prêtés aux communes du canton pour les jeunes.",
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const outcome = await importIdeas(schema.db, { fileName: "idees.xlsx", bytes, apply: false, now: NOW });
    expect(outcome.rejected).toEqual([]);
    expect(outcome.created).toHaveLength(1);
    expect(outcome.report).toContain("classeur Excel");
  });

  it("says which required columns are missing", async () => {
    const outcome = await importIdeas(schema.db, {
      fileName: "idees.csv",
      bytes: Buffer.from("Titre;Porteur;Commune\nA;B;C\n"),
      apply: false,
      now: NOW,
    });
    expect(outcome.mode).toBe("refused");
    expect(outcome.report).toContain("Colonnes obligatoires absentes : Contact, Coût estimé");
  });
});

describe("decideIdea", () => {
  it("requires a reason for « à ajuster » and « non recevable », writing nothing", async () => {
    const before = await schema.db.auditLog.count();
    for (const status of ["TO_ADJUST", "INELIGIBLE"] as const) {
      await expect(
        decideIdea(schema.db, { reference: "I2024-0123", status, reason: "  ", actor: ACTOR, now: NOW }),
      ).rejects.toMatchObject({ code: "IDEA_REASON_REQUIRED" });
    }
    expect(await schema.db.auditLog.count()).toBe(before);
    await expect(
      decideIdea(schema.db, { reference: "I2024-9999", status: "ELIGIBLE", actor: ACTOR, now: NOW }),
    ).rejects.toMatchObject({ code: "IDEA_NOT_FOUND" });
  });

  it("records the decision, its audit line and the porteur's e-mail together", async () => {
    const reason = "Le coût dépasse le plafond d'un projet jeune : réduisez le nombre de modules.";
    const result = await decideIdea(schema.db, {
      reference: "I2024-0123",
      status: "TO_ADJUST",
      reason,
      actor: ACTOR,
      now: NOW,
    });
    expect(result.notificationIds).toHaveLength(1);
    const idea = await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2024-0123" } });
    expect(idea).toMatchObject({ status: "TO_ADJUST", decisionReason: reason, decidedAt: NOW });
    const notification = await schema.db.notification.findUniqueOrThrow({ where: { id: result.notificationIds[0] } });
    expect(notification).toMatchObject({
      template: "idea-decision",
      recipientEmail: "riders@exemple.fr",
      essential: true,
      status: "PENDING",
    });
    expect(notification.payload).toMatchObject({ decision: "TO_ADJUST", reason, ideaReference: "I2024-0123" });
    const audit = await schema.db.auditLog.findFirstOrThrow({
      where: { action: "idea.decide", entityId: String(idea.id) },
      orderBy: { id: "desc" },
    });
    expect(audit.before).toMatchObject({ status: "TO_ANALYSE" });
    expect(audit.after).toMatchObject({ status: "TO_ADJUST", decisionReason: reason });
    expect(audit.actorLabel).toBe("Julien Lartigau");
  });

  it("rolls back the decision when the outbox write fails (same transaction)", async () => {
    await schema.db.$executeRawUnsafe(
      `ALTER TABLE "Notification" ADD CONSTRAINT "no_ideas" CHECK ("template" <> 'idea-decision') NOT VALID`,
    );
    try {
      await expect(
        decideIdea(schema.db, {
          reference: "I2024-0124",
          status: "INELIGIBLE",
          reason: "Hors champ",
          actor: ACTOR,
          now: NOW,
        }),
      ).rejects.toThrow();
    } finally {
      await schema.db.$executeRawUnsafe(`ALTER TABLE "Notification" DROP CONSTRAINT "no_ideas"`);
    }
    const idea = await schema.db.idea.findUniqueOrThrow({ where: { reference: "I2024-0124" } });
    expect(idea.status).toBe("ELIGIBLE");
    expect(await schema.db.auditLog.count({ where: { action: "idea.decide", entityId: String(idea.id) } })).toBe(1);
  });

  it("keeps support notes with their audit line", async () => {
    const { noteId } = await addIdeaNote(schema.db, {
      reference: "I2024-0123",
      text: "Appel au porteur : devis à revoir.",
      actor: ACTOR,
      now: NOW,
    });
    const note = await schema.db.ideaNote.findUniqueOrThrow({ where: { id: noteId } });
    expect(note.text).toBe("Appel au porteur : devis à revoir.");
    expect(await schema.db.auditLog.count({ where: { action: "idea.note", entityId: String(noteId) } })).toBe(1);
    await expect(
      addIdeaNote(schema.db, { reference: "I2024-0123", text: " ", actor: ACTOR, now: NOW }),
    ).rejects.toMatchObject({ code: "IDEA_NOTE_EMPTY" });
  });
});
