import { formatEuros } from "../../domain/money/format-euros.ts";
import type { Selection, SelectionRules } from "../../domain/selection/selection-types.ts";
import { countLabel } from "../../domain/text/count-label.ts";

/**
 * The head of the selection card: envelope, total selected, youth reserve and what
 * flowed back, exceptional places, then one line per canton (its winners, youth ones
 * among them; a guarantee not met in the attention colour).
 */
export function selectionSummaryFacts(selection: Selection, rules: SelectionRules): Record<string, unknown>[] {
  const { totals } = selection;
  const facts = [
    { title: "Enveloppe", value: formatEuros(totals.budgetCents) },
    {
      title: "Retenu",
      value: `${countLabel(totals.winners, "lauréat")} sur ${countLabel(totals.candidates, "idée recevable", "idées recevables")} : ${formatEuros(totals.spentCents)} (reste ${formatEuros(totals.leftCents)})`,
    },
    {
      title: "Réserve jeunesse",
      value: `${formatEuros(totals.reserveCents)} ; projets jeunes retenus : ${totals.youthWinners}, ${formatEuros(totals.youthSpentCents)}`,
    },
    { title: "Reversé à l'enveloppe générale", value: formatEuros(totals.flowedBackCents) },
    ...(rules.exceptionalSlots > 0
      ? [{ title: "Projets exceptionnels", value: `${totals.exceptionalUsed} sur ${rules.exceptionalSlots} places` }]
      : []),
    {
      title: "Garantie cantonale",
      value:
        rules.winnersPerCanton > 0
          ? `${countLabel(rules.winnersPerCanton, "lauréat")} par canton${rules.youthWinnersPerCanton > 0 ? `, dont ${countLabel(rules.youthWinnersPerCanton, "projet jeune", "projets jeunes")} là où il y en a un recevable` : ""}`
          : "aucune pour cette édition",
    },
  ];
  return [
    { type: "FactSet", facts },
    ...(totals.cantons.length > 0
      ? [
          { type: "TextBlock", text: "Lauréats par canton", weight: "Bolder", separator: true, wrap: true },
          ...totals.cantons.map((c) => {
            const held = c.guaranteeMet || rules.winnersPerCanton === 0;
            const short =
              held && c.winners < rules.winnersPerCanton ? " (faute d'autre idée pouvant être retenue)" : "";
            return {
              type: "TextBlock",
              spacing: "None",
              wrap: true,
              ...(held ? {} : { color: "attention" }),
              text: `${c.canton} : ${countLabel(c.winners, "lauréat")} dont ${countLabel(c.youthWinners, "jeune")}${held ? short : " ⚠ garantie non tenue"}`,
            };
          }),
        ]
      : []),
  ];
}
