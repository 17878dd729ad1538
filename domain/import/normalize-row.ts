import type { HolderKind, ProjectStatus } from "../../prisma/generated/enums.ts";
import { normalizeReference } from "../projects/normalize-reference.ts";
import type { ColumnMap, ImportField } from "./import-columns.ts";
import { labelKey } from "./label-key.ts";
import { parseAmount } from "./parse-amount.ts";
import { parseHolderKind, parseStatus, parseVotes, parseYesNo } from "./parse-choices.ts";
import type { CellValue, SheetRecord } from "./read-xlsx.ts";

/**
 * A valid row, ready to plan. For the optional columns (theme, commune, phone, youth,
 * votes, status) null means « not given »: a new project gets the default (none, no,
 * 0, Lauréat), an existing one keeps what it has.
 */
export interface ImportRow {
  line: number;
  reference: string;
  editionYear: number;
  number: number;
  title: string;
  holder: { name: string; kind: HolderKind; email: string; phone: string | null };
  canton: { id: number; name: string };
  commune: string | null;
  theme: string | null;
  isYouth: boolean | null;
  votes: number | null;
  awardedCents: number;
  status: ProjectStatus | null;
}

/** A row refused, with every reason (not just the first), and its reference when readable. */
export interface RejectedRow {
  line: number;
  reference: string | null;
  reasons: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Text of a cell: trimmed, inner runs of spaces and line breaks (Alt+Entrée) made one space. */
function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value)
    .replace(/[\s\u00a0\u202f]+/gu, " ")
    .trim();
}

/** A phone number Excel stored as a number lost its leading zero (558123456 → 0558123456). */
function phoneText(value: CellValue | undefined): string | null {
  const text = typeof value === "number" && /^[1-9]\d{8}$/.test(String(value)) ? `0${value}` : cellText(value);
  return text || null;
}

/**
 * Checks and converts every valid row, and refuses the others with all their reasons;
 * a reference seen on an earlier line refuses the later row.
 */
export function normalizeRows(
  records: SheetRecord[],
  columns: ColumnMap,
  cantons: { id: number; name: string }[],
): { rows: ImportRow[]; rejected: RejectedRow[] } {
  const cantonByKey = new Map(cantons.map((c) => [labelKey(c.name), c]));
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const record of records) {
    const result = normalizeRow(record, columns, cantonByKey);
    const reference = "row" in result ? result.row.reference : result.reference;
    const reasons = "reasons" in result ? [...result.reasons] : [];
    const firstLine = reference ? seen.get(reference) : undefined;
    if (firstLine !== undefined) reasons.push(`référence ${reference} déjà présente ligne ${firstLine}`);
    else if (reference) seen.set(reference, record.line);
    if ("row" in result && reasons.length === 0) rows.push(result.row);
    else rejected.push({ line: record.line, reference, reasons });
  }
  return { rows, rejected };
}

type RowResult = { row: ImportRow } | { reference: string | null; reasons: string[] };

export function normalizeRow(
  record: SheetRecord,
  columns: ColumnMap,
  cantonByKey: Map<string, { id: number; name: string }>,
): RowResult {
  const raw = (field: ImportField): CellValue | undefined => {
    const index = columns.index[field];
    return index === undefined ? undefined : record.cells[index];
  };
  const text = (field: ImportField) => cellText(raw(field));
  const reasons: string[] = [];
  const need = <T>(parsed: { ok: true; value: T } | { ok: false; reason: string }, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    reasons.push(parsed.reason);
    return fallback;
  };

  const referenceText = text("reference");
  const reference = normalizeReference(referenceText);
  if (!referenceText) reasons.push("référence manquante");
  else if (!reference) reasons.push(`référence « ${referenceText} » invalide (attendu par exemple 2022-017)`);
  const [yearText, numberText] = (reference ?? "0-0").split("-") as [string, string];
  const editionText = text("edition");
  const editionYear = editionText ? Number(editionText) : Number(yearText);
  if (editionText && !/^\d{4}$/.test(editionText))
    reasons.push(`édition « ${editionText} » invalide (une année attendue)`);
  else if (reference && editionYear !== Number(yearText)) {
    reasons.push(`l'édition ${editionText} ne correspond pas à la référence ${reference}`);
  }

  const title = text("title");
  if (!title) reasons.push("titre manquant");
  const holderName = text("holderName");
  if (!holderName) reasons.push("porteur manquant");
  const kind = need(parseHolderKind(text("holderKind")), "PERSON");
  const email = text("holderEmail")
    .replace(/^mailto:/i, "")
    .toLowerCase();
  if (!email) reasons.push("e-mail du porteur manquant (il sert à reconnaître le porteur et à lui écrire)");
  else if (!EMAIL.test(email)) reasons.push(`e-mail du porteur « ${email} » invalide`);

  const cantonText = text("canton");
  const canton = cantonByKey.get(labelKey(cantonText));
  if (!cantonText) reasons.push("canton manquant");
  else if (!canton) reasons.push(`canton « ${cantonText} » inconnu (les 15 cantons des Landes)`);

  const isYouth = need(parseYesNo(text("isYouth")), null);
  const votesRaw = raw("votes");
  const votes = need(parseVotes(typeof votesRaw === "number" ? votesRaw : cellText(votesRaw)), null);
  const amountRaw = raw("awarded");
  const amount = parseAmount(typeof amountRaw === "number" ? amountRaw : cellText(amountRaw));
  if (!amount.ok) reasons.push(amount.reason);
  const status = need(parseStatus(text("status")), null);

  if (reasons.length > 0 || !reference || !canton || !amount.ok) return { reference, reasons };
  return {
    row: {
      line: record.line,
      reference,
      editionYear,
      number: Number(numberText),
      title,
      holder: { name: holderName, kind, email, phone: phoneText(raw("holderPhone")) },
      canton,
      commune: text("commune") || null,
      theme: text("theme") || null,
      isYouth,
      votes,
      awardedCents: amount.cents,
      status,
    },
  };
}
