import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { decodeText } from "../../domain/import/decode-text.ts";
import { headerKey, looksLikeHeader, mapColumns } from "../../domain/import/import-columns.ts";
import { parseHolderKind, parseStatus, parseVotes, parseYesNo } from "../../domain/import/parse-choices.ts";
import { detectSeparator, parseCsv } from "../../domain/import/parse-csv.ts";
import { parseSpreadsheet } from "../../domain/import/parse-spreadsheet.ts";
import { encodeWindows1252 } from "../support/encode-windows-1252.ts";

describe("decodeText", () => {
  it("reads UTF-8 with and without BOM, and falls back to Windows-1252", () => {
    const text = "Référence;Thème\r\n2022-017;Côte d’Argent – œuvre 25 400 €";
    expect(decodeText(Buffer.from(`\uFEFF${text}`, "utf8"))).toEqual({ text, encoding: "UTF-8 avec BOM" });
    expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ text, encoding: "UTF-8" });
    expect(decodeText(encodeWindows1252(text))).toEqual({ text, encoding: "Windows-1252" });
  });
});

describe("parseCsv", () => {
  it("detects ; , and tab, ignoring separators inside quotes and in title lines", () => {
    expect(detectSeparator("a;b;c\r\n1;2;3")).toBe(";");
    expect(detectSeparator('a,b,"c;d;e;f"\n1,2,3')).toBe(",");
    expect(detectSeparator("a\tb\tc\n")).toBe("\t");
    expect(detectSeparator("Suivi BPC 2022\nRéférence;Titre;Montant\n2022-001;Un, deux;25400,00")).toBe(";");
    expect(detectSeparator("Référence")).toBe(";");
  });

  it("follows RFC 4180: quotes, doubled quotes, line breaks in fields, CRLF/LF/CR, line numbers of records", () => {
    const text = 'a;b\r\n"x;y";"il dit ""oui"""\r\n"deux\r\nlignes";z\n\nlast;"q"\rcr;end';
    expect(parseCsv(text, ";")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x;y", 'il dit "oui"'] },
      { line: 3, cells: ["deux\r\nlignes", "z"] },
      { line: 5, cells: [""] },
      { line: 6, cells: ["last", "q"] },
      { line: 7, cells: ["cr", "end"] },
    ]);
    expect(parseCsv("a;b\r\n", ";")).toEqual([{ line: 1, cells: ["a", "b"] }]);
    expect(parseCsv('5" pouces;x', ";")).toEqual([{ line: 1, cells: ['5" pouces', "x"] }]);
  });
});

describe("columns", () => {
  it("recognises headers whatever their case, accents, spacing and units", () => {
    expect(headerKey("  MONTANT  ATTRIBUÉ (€) ")).toBe("montantattribue");
    expect(headerKey("Montant attribué en euros")).toBe("montantattribue");
    const map = mapColumns([
      "reference",
      "EDITION",
      "Titre du projet",
      "E-mail porteur",
      "Remarques",
      "Type de  porteur",
      "Porteur",
      "Canton",
      "Montant",
      "Remarques 2",
      "Thématique",
      "Réf",
    ]);
    expect(map.index).toMatchObject({
      reference: 0,
      edition: 1,
      title: 2,
      holderEmail: 3,
      holderKind: 5,
      holderName: 6,
      canton: 7,
      awarded: 8,
      theme: 10,
    });
    expect(map.ignored).toEqual(["Remarques", "Remarques 2"]);
    expect(map.duplicated).toEqual(["reference"]);
    expect(map.missing).toEqual([]);
    expect(mapColumns(["Référence", "Titre"]).missing).toEqual([
      "holderName",
      "holderKind",
      "holderEmail",
      "canton",
      "awarded",
    ]);
    expect(looksLikeHeader(["Suivi du BPC 2022", "", ""])).toBe(false);
    expect(looksLikeHeader(["Référence", "Titre", "Canton"])).toBe(true);
  });
});

describe("choices", () => {
  it.each([
    ["oui", true],
    ["OUI", true],
    ["x", true],
    ["X", true],
    ["1", true],
    ["vrai", true],
    ["VRAI", true],
    ["true", true],
    ["non", false],
    ["Non", false],
    ["0", false],
    ["faux", false],
    ["FALSE", false],
    ["", null],
    [" ", null],
  ] as [string, boolean | null][])("projet jeune %j → %s", (text, value) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value });
  });

  it("refuses other projet jeune values, and reads porteur types and statuses with their variants", () => {
    expect(parseYesNo("peut-être").ok).toBe(false);
    expect(parseHolderKind("Particulier")).toEqual({ ok: true, value: "PERSON" });
    expect(parseHolderKind("ASSOCIATION loi 1901")).toEqual({ ok: true, value: "ASSOCIATION" });
    expect(parseHolderKind("collectif d'habitants")).toEqual({ ok: true, value: "COLLECTIVE" });
    expect(parseHolderKind("Commune")).toEqual({ ok: true, value: "COMMUNE" });
    expect(parseHolderKind("Mairie")).toEqual({ ok: true, value: "COMMUNE" });
    expect(parseHolderKind("entreprise").ok).toBe(false);
    expect(parseHolderKind("").ok).toBe(false);
    expect(parseStatus("Convention signée")).toEqual({ ok: true, value: "AGREEMENT_SIGNED" });
    expect(parseStatus("CONVENTION SIGNEE")).toEqual({ ok: true, value: "AGREEMENT_SIGNED" });
    expect(parseStatus("lauréate")).toEqual({ ok: true, value: "WINNER" });
    expect(parseStatus("Bilan N+1 reçu")).toEqual({ ok: true, value: "REPORT_RECEIVED" });
    expect(parseStatus("abandonnée")).toEqual({ ok: true, value: "ABANDONED" });
    expect(parseStatus("Soldé")).toEqual({ ok: true, value: "PAID_IN_FULL" });
    expect(parseStatus("")).toEqual({ ok: true, value: null });
    expect(parseStatus("en pause").ok).toBe(false);
    expect(parseVotes("1 234")).toEqual({ ok: true, value: 1234 });
    expect(parseVotes(812)).toEqual({ ok: true, value: 812 });
    expect(parseVotes("beaucoup").ok).toBe(false);
    expect(parseVotes(12.5).ok).toBe(false);
  });
});

describe("parseSpreadsheet", () => {
  it("reads an xlsx's shown values (formula results, mailto links, rich text) with Excel's line numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Suivi");
    sheet.addRow(["Suivi des lauréats"]);
    sheet.addRow(["Référence", "Titre", "Email porteur", "Montant attribué"]);
    sheet.addRow([]);
    sheet.addRow([
      "2022-001",
      { richText: [{ text: "Aire " }, { font: { bold: true }, text: "de jeux" }] },
      { text: "a@b.fr", hyperlink: "mailto:a@b.fr" },
      { formula: "1000*25", result: 25000 },
    ]);
    const parsed = await parseSpreadsheet(
      "suivi.xlsx",
      Buffer.from(await workbook.xlsx.writeBuffer()),
      looksLikeHeader,
    );
    expect(parsed).toMatchObject({
      format: "xlsx",
      headerLine: 2,
      header: ["Référence", "Titre", "Email porteur", "Montant attribué"],
    });
    expect(parsed.rows).toEqual([{ line: 4, cells: ["2022-001", "Aire de jeux", "a@b.fr", 25000] }]);
  });

  it("refuses an old .xls in French", async () => {
    const error = await parseSpreadsheet("suivi.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).frenchMessage).toContain("Classeur Excel (.xlsx)");
  });
});
