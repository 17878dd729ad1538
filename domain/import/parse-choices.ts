import type { HolderKind, ProjectStatus } from "../../prisma/generated/enums.ts";
import { projectStatusLabels } from "../projects/status-labels.ts";
import { labelKey } from "./label-key.ts";

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const YES = new Set(["oui", "o", "x", "1", "vrai", "yes", "y", "true"]);
const NO = new Set(["non", "n", "0", "faux", "no", "false"]);

/** « Projet jeune »: oui/non, x (a tick), 1/0, vrai/faux (Excel's booleans in French); blank is null. */
export function parseYesNo(text: string): Parsed<boolean | null> {
  const key = labelKey(text);
  if (key === "") return { ok: true, value: null };
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return { ok: false, reason: `projet jeune « ${text} » : oui ou non attendu` };
}

const kindByPrefix: [string, HolderKind][] = [
  ["particulier", "PERSON"],
  ["particuliere", "PERSON"],
  ["personne", "PERSON"],
  ["citoyen", "PERSON"],
  ["habitant", "PERSON"],
  ["asso", "ASSOCIATION"],
  ["collectif", "COLLECTIVE"],
  ["groupe", "COLLECTIVE"],
  ["commune", "COMMUNE"],
  ["mairie", "COMMUNE"],
  ["municipalite", "COMMUNE"],
];

/** « Type de porteur »: particulier, association, collectif, commune, and their usual variants. */
export function parseHolderKind(text: string): Parsed<HolderKind> {
  const key = labelKey(text);
  if (key === "") return { ok: false, reason: "type de porteur manquant" };
  const found = kindByPrefix.find(([prefix]) => key.startsWith(prefix));
  return found
    ? { ok: true, value: found[1] }
    : { ok: false, reason: `type de porteur « ${text} » inconnu (particulier, association, collectif ou commune)` };
}

/** Variants seen in sheets, beyond the labels themselves (keys as `labelKey` gives them). */
const statusVariants: Record<string, ProjectStatus> = {
  laureate: "WINNER",
  laureats: "WINNER",
  conventionencours: "AGREEMENT_PENDING",
  conventionenvoyee: "AGREEMENT_PENDING",
  conventionaenvoyer: "AGREEMENT_PENDING",
  conventionsignee: "AGREEMENT_SIGNED",
  signee: "AGREEMENT_SIGNED",
  enrealisation: "IN_PROGRESS",
  encoursderealisation: "IN_PROGRESS",
  encours: "IN_PROGRESS",
  travauxencours: "IN_PROGRESS",
  realisee: "COMPLETED",
  termine: "COMPLETED",
  inauguree: "INAUGURATED",
  solde: "PAID_IN_FULL",
  soldee: "PAID_IN_FULL",
  bilanrecu: "REPORT_RECEIVED",
  bilann1recu: "REPORT_RECEIVED",
  cloture: "CLOSED",
  cloturee: "CLOSED",
  close: "CLOSED",
  abandonnee: "ABANDONED",
  abandon: "ABANDONED",
};

const statusByKey = new Map<string, ProjectStatus>([
  ...(Object.entries(projectStatusLabels) as [ProjectStatus, string][]).map(
    ([status, label]) => [labelKey(label), status] as const,
  ),
  ...(Object.keys(projectStatusLabels) as ProjectStatus[]).map((status) => [labelKey(status), status] as const),
  ...Object.entries(statusVariants),
]);

/** « Statut »: the French labels of `projectStatusLabels` or a close variant; blank is null. */
export function parseStatus(text: string): Parsed<ProjectStatus | null> {
  const key = labelKey(text);
  if (key === "") return { ok: true, value: null };
  const status = statusByKey.get(key);
  if (status) return { ok: true, value: status };
  return {
    ok: false,
    reason: `statut « ${text} » inconnu (${Object.values(projectStatusLabels).join(", ")})`,
  };
}

/** « Votes »: a whole number, thousands possibly spaced (`1 234`); blank is null. */
export function parseVotes(value: string | number): Parsed<number | null> {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value <= 2_147_483_647
      ? { ok: true, value }
      : { ok: false, reason: `votes « ${value} » : nombre entier attendu` };
  }
  const text = value.replace(/[\s\u00a0\u202f]+/gu, "");
  if (text === "") return { ok: true, value: null };
  return /^\d{1,9}$/.test(text)
    ? { ok: true, value: Number(text) }
    : { ok: false, reason: `votes « ${value.trim()} » : nombre entier attendu` };
}
