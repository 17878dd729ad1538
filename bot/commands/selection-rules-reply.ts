import { hasRole } from "../../domain/agents/has-role.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { editionNotFound } from "../../domain/reports/edition-not-found.ts";
import { type EditionRules, parseRuleChanges, RULES_EXAMPLE } from "../../domain/selection/parse-rule-changes.ts";
import { loadEditionRules, setEditionRules } from "../../domain/selection/set-edition-rules.ts";
import type { CommandContext, Reply } from "./command.ts";

const ADMINS_ONLY =
  "Désolé, changer les règles de sélection d'une édition est réservé aux administrateurs. Tapez **sélection règles 2024** pour les lire.";

/**
 * `sélection règles 2024` shows an edition's selection rules; followed by changes
 * (« enveloppe 1 500 000 ; par canton 2 dont 1 jeune »), an admin sets them, all or none.
 */
export async function selectionRulesReply(context: CommandContext, args: string): Promise<Reply> {
  const match = /^\s*(\d{4})\b(.*)$/su.exec(args);
  if (!match)
    return {
      text: `Indiquez l'édition, par exemple : **sélection règles 2024**. Pour les changer : **${RULES_EXAMPLE}**.`,
    };
  const year = Number(match[1]);
  const changesText = (match[2] ?? "").trim();
  const { db } = context.deps;
  const rules = await loadEditionRules(db, year);
  if (!rules) throw await editionNotFound(db, String(year));
  if (!changesText) return { text: `Règles de sélection de l'édition ${year} :\n\n${describeRules(rules)}` };
  if (!hasRole(context.user.role, "ADMIN")) return { text: ADMINS_ONLY };
  const parsed = parseRuleChanges(changesText);
  if (!parsed.ok) {
    throw new DomainError("SELECTION_RULES_INVALID", { problems: parsed.problems.map((p) => `- ${p}`).join("\n") });
  }
  const { after } = await setEditionRules(db, {
    year,
    changes: parsed.changes,
    actor: context.user,
    now: context.deps.now(),
  });
  return {
    text: `Règles de l'édition ${year} enregistrées :\n\n${describeRules(after)}\n\nRelisez la sélection : **sélection ${year}**.`,
  };
}

/** The rules as a French list, in the words the command reads back. */
export function describeRules(rules: EditionRules): string {
  const reserve = (rules.youthShareBp / 100).toLocaleString("fr-FR", { maximumFractionDigits: 2 });
  const exceptional =
    rules.exceptionalSlots > 0 && rules.exceptionalCapCents !== null
      ? `${rules.exceptionalSlots} place${rules.exceptionalSlots > 1 ? "s" : ""}, jusqu'à ${formatEuros(rules.exceptionalCapCents)}`
      : "aucun";
  const canton =
    rules.winnersPerCanton === 0
      ? "aucune garantie"
      : `${rules.winnersPerCanton} lauréat${rules.winnersPerCanton > 1 ? "s" : ""}${
          rules.youthWinnersPerCanton > 0 ? `, dont ${rules.youthWinnersPerCanton} projet jeune là où il y en a un` : ""
        }`;
  return [
    `- enveloppe : ${formatEuros(rules.budgetCents)}`,
    `- réserve jeunesse : ${reserve} %`,
    `- plafond d'une idée : ${formatEuros(rules.ideaCapCents)} ; d'un projet jeune : ${formatEuros(rules.youthIdeaCapCents)}`,
    `- projets exceptionnels : ${exceptional}`,
    `- par canton : ${canton}`,
  ].join("\n");
}
