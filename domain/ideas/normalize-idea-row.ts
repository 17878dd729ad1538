import { createHash } from "node:crypto";
import type { HolderKind } from "../../prisma/generated/enums.ts";
import { labelKey } from "../import/label-key.ts";
import { parseAmount } from "../import/parse-amount.ts";
import { parseHolderKind, parseYesNo } from "../import/parse-choices.ts";
import type { CellValue, SheetRecord } from "../import/read-xlsx.ts";
import type { IdeaColumnMap, IdeaField } from "./idea-columns.ts";
import { normalizeIdeaReference } from "./normalize-idea-reference.ts";

/** A valid row of the platform's export, ready to be written as an Idea. */
export interface IdeaRow {
  line: number;
  reference: string;
  title: string;
  description: string;
  holderName: string;
  holderKind: HolderKind | null;
  contactEmail: string;
  contactPhone: string | null;
  communeId: number | null;
  cantonId: number | null;
  themeId: number | null;
  estimatedCents: number;
  isYouth: boolean;
  fieldOfAction: string | null;
}

export interface RejectedIdeaRow {
  line: number;
  reference: string | null;
  reasons: string[];
}

/** What the rows are matched against: the edition's themes, the cantons and communes on record. */
export interface IdeaLookups {
  editionYear: number;
  cantons: { id: number; name: string }[];
  communes: { id: number; name: string; cantonId: number }[];
  themes: { id: number; name: string }[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value)
    .replace(/[\s\u00a0\u202f]+/gu, " ")
    .trim();
}

/**
 * The reference of an idea the platform gave no id to: stable across re-imports, from the
 * folded title and contact (`I2024-5F3A9C21`), so the same idea is found again.
 */
export function derivedIdeaReference(editionYear: number, title: string, email: string): string {
  const digest = createHash("sha256")
    .update(`${labelKey(title)}|${email.toLowerCase()}`)
    .digest("hex");
  return `I${editionYear}-${digest.slice(0, 8).toUpperCase()}`;
}

/**
 * Checks and converts the rows of an export; refuses the others with every reason and
 * their line. A reference (given or derived) already seen refuses the later row. An
 * unknown commune is not a refusal (the list on record may be partial): it is left out
 * and said in `notes`.
 */
export function normalizeIdeaRows(
  records: SheetRecord[],
  columns: IdeaColumnMap,
  lookups: IdeaLookups,
): { rows: IdeaRow[]; rejected: RejectedIdeaRow[]; notes: string[] } {
  const cantonByKey = new Map(lookups.cantons.map((c) => [labelKey(c.name), c]));
  const communesByKey = new Map<string, { id: number; cantonId: number }[]>();
  for (const commune of lookups.communes) {
    const key = labelKey(commune.name);
    communesByKey.set(key, [...(communesByKey.get(key) ?? []), commune]);
  }
  const themeByKey = new Map(lookups.themes.map((t) => [labelKey(t.name), t]));
  const seen = new Map<string, number>();
  const rows: IdeaRow[] = [];
  const rejected: RejectedIdeaRow[] = [];
  const notes: string[] = [];
  for (const record of records) {
    const raw = (field: IdeaField): CellValue | undefined => {
      const index = columns.index[field];
      return index === undefined ? undefined : record.cells[index];
    };
    const text = (field: IdeaField) => cellText(raw(field));
    const reasons: string[] = [];
    const title = text("title");
    if (!title) reasons.push("titre manquant");
    const holderName = text("holderName");
    if (!holderName) reasons.push("porteur manquant");
    const email = text("contactEmail")
      .replace(/^mailto:/i, "")
      .toLowerCase();
    if (!email) reasons.push("e-mail de contact manquant (le porteur reçoit la décision par e-mail)");
    else if (!EMAIL.test(email)) reasons.push(`e-mail de contact « ${email} » invalide`);
    const kindText = text("holderKind");
    const kind = kindText ? parseHolderKind(kindText) : null;
    if (kind && !kind.ok) reasons.push(kind.reason);
    const youth = parseYesNo(text("isYouth"));
    if (!youth.ok) reasons.push(youth.reason.replace("projet jeune", "jeune"));
    const amountRaw = raw("estimated");
    const amount = parseAmount(typeof amountRaw === "number" ? amountRaw : cellText(amountRaw));
    if (!amount.ok) reasons.push(`coût estimé : ${amount.reason}`);

    const referenceText = text("reference");
    const reference = referenceText
      ? normalizeIdeaReference(referenceText)
      : title && email
        ? derivedIdeaReference(lookups.editionYear, title, email)
        : null;
    if (referenceText && !reference) reasons.push(`référence « ${referenceText} » invalide`);

    const cantonText = text("canton");
    let canton = cantonText ? cantonByKey.get(labelKey(cantonText)) : undefined;
    if (cantonText && !canton) reasons.push(`canton « ${cantonText} » inconnu (les 15 cantons des Landes)`);
    const communeText = text("commune");
    const candidates = communeText ? (communesByKey.get(labelKey(communeText)) ?? []) : [];
    const commune = candidates.find((c) => !canton || c.cantonId === canton.id) ?? null;
    if (communeText && !commune)
      notes.push(`ligne ${record.line} : commune « ${communeText} » inconnue, non rattachée`);
    if (!canton && commune) canton = lookups.cantons.find((c) => c.id === commune.cantonId);
    const themeText = text("theme");
    const theme = themeText ? themeByKey.get(labelKey(themeText)) : undefined;
    if (themeText && !theme)
      notes.push(`ligne ${record.line} : thème « ${themeText} » absent de l'édition ${lookups.editionYear}`);

    const firstLine = reference ? seen.get(reference) : undefined;
    if (firstLine !== undefined) reasons.push(`idée ${reference} déjà présente ligne ${firstLine}`);
    else if (reference) seen.set(reference, record.line);

    if (reasons.length > 0 || !reference || !amount.ok) {
      rejected.push({ line: record.line, reference, reasons });
      continue;
    }
    rows.push({
      line: record.line,
      reference,
      title,
      description: text("description"),
      holderName,
      holderKind: kind?.ok ? kind.value : null,
      contactEmail: email,
      contactPhone: text("contactPhone") || null,
      communeId: commune?.id ?? null,
      cantonId: canton?.id ?? null,
      themeId: theme?.id ?? null,
      estimatedCents: amount.cents,
      isYouth: youth.ok && youth.value === true,
      fieldOfAction: text("fieldOfAction") || themeText || null,
    });
  }
  return { rows, rejected, notes };
}
