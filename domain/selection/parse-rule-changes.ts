import { parseEuros } from "../money/parse-euros.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/** The selection rules of an edition, as the Edition columns hold them. */
export interface EditionRules {
  budgetCents: number;
  youthShareBp: number;
  ideaCapCents: number;
  youthIdeaCapCents: number;
  exceptionalSlots: number;
  exceptionalCapCents: number | null;
  winnersPerCanton: number;
  youthWinnersPerCanton: number;
}

export type RuleChanges = Partial<EditionRules>;

/** What an admin types, one rule per `;`-separated part (README « Règles de sélection »). */
export const RULES_EXAMPLE =
  "sélection règles 2026 enveloppe 1 500 000 ; réserve 10 % ; plafond 50 000 ; plafond jeunes 30 000 ; exceptionnels 3 jusqu'à 100 000 ; par canton 2 dont 1 jeune";

const MAX_BUDGET_CENTS = 100_000_000_00;
const WHOLE = /^\d{1,3}$/u;

/**
 * Reads rule changes such as « enveloppe 1 500 000 ; réserve 10 % ; par canton 2 dont 1
 * jeune ». Parts are separated by `;` (a comma belongs to French amounts). Returns the
 * changes, or the French problems of every unreadable part (nothing is half-applied).
 */
export function parseRuleChanges(text: string): { ok: true; changes: RuleChanges } | { ok: false; problems: string[] } {
  const changes: RuleChanges = {};
  const problems: string[] = [];
  const parts = text
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, problems: ["aucune règle indiquée"] };
  for (const part of parts) {
    const problem = readPart(part, changes);
    if (problem) problems.push(problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

/** Applies one part to `changes`; returns its problem in French, if any. */
function readPart(part: string, changes: RuleChanges): string | null {
  const key = normalizeKey(part);
  const amount = (raw: string, max = MAX_BUDGET_CENTS) => {
    const parsed = parseEuros(raw, { maxCents: max });
    return parsed.ok ? parsed.cents : `« ${part} » : ${parsed.reason}`;
  };
  const withAmount = (prefix: RegExp, set: (cents: number) => void, max?: number) => {
    const raw = part.replace(prefix, "");
    const cents = amount(raw, max);
    if (typeof cents === "string") return cents;
    set(cents);
    return null;
  };
  if (/^enveloppe\b/u.test(key)) return withAmount(/^\s*enveloppe\s*/iu, (c) => (changes.budgetCents = c));
  if (/^plafond jeunes?\b/u.test(key))
    return withAmount(/^\s*plafond\s+jeunes?\s*/iu, (c) => (changes.youthIdeaCapCents = c));
  if (/^plafond\b/u.test(key)) return withAmount(/^\s*plafond\s*/iu, (c) => (changes.ideaCapCents = c));
  const reserve = /^reserve(?: jeunesse)? (\d{1,3}(?:[.,]\d{1,2})?) ?%$/u.exec(key);
  if (reserve) {
    const bp = Math.round(Number(reserve[1]?.replace(",", ".")) * 100);
    if (bp > 10_000) return `« ${part} » : une réserve ne peut dépasser 100 %`;
    changes.youthShareBp = bp;
    return null;
  }
  if (/^exceptionnels 0$/u.test(key)) {
    changes.exceptionalSlots = 0;
    changes.exceptionalCapCents = null;
    return null;
  }
  const exceptional = /^exceptionnels (\d{1,2}) jusqu['’ ]?a (.+)$/u.exec(key);
  if (exceptional) {
    const raw = part.replace(/^.*?jusqu['’ ]\s*(?:à|a)\s*/iu, "");
    const cents = amount(raw);
    if (typeof cents === "string") return cents;
    changes.exceptionalSlots = Number(exceptional[1]);
    changes.exceptionalCapCents = cents;
    return null;
  }
  const canton = /^par canton (\d+)(?: dont (\d+) jeunes?)?$/u.exec(key);
  if (canton && WHOLE.test(canton[1] ?? "")) {
    const winners = Number(canton[1]);
    const youth = Number(canton[2] ?? 0);
    if (winners > 10) return `« ${part} » : au plus 10 lauréats garantis par canton`;
    if (youth > winners) return `« ${part} » : plus de projets jeunes garantis que de lauréats garantis`;
    changes.winnersPerCanton = winners;
    changes.youthWinnersPerCanton = youth;
    return null;
  }
  return `« ${part} » : règle inconnue (enveloppe, réserve, plafond, plafond jeunes, exceptionnels, par canton)`;
}
