import type { CardInput } from "./read-card.ts";
import type { TextStyle } from "./text-style.ts";

/**
 * A card input as one line: its label, `*` when required, its id (what the bot
 * receives) and the value the card proposes, choices with the selected one marked.
 */
export function renderInput(input: CardInput, style: TextStyle): string[] {
  const head = `✎ ${input.label}${input.required ? " *" : ""} ${style.dim(`[${input.id}]`)} :`;
  if (input.type === "Input.ChoiceSet") {
    const selected = new Set(input.defaultValue.split(",").filter(Boolean));
    const choices = input.choices.map((choice) =>
      selected.has(choice.value) ? style.bold(`(•) ${choice.title}`) : `( ) ${choice.title}`,
    );
    return [`${head} ${choices.join("  ")}${input.multiSelect ? style.dim(" (plusieurs choix)") : ""}`];
  }
  if (input.type === "Input.Toggle") {
    const on = input.defaultValue === String(input.raw.valueOn ?? "true");
    return [`${head} ${on ? "[x] oui" : "[ ] non"}`];
  }
  const value =
    input.type === "Input.Date"
      ? input.defaultValue.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3/$2/$1")
      : input.defaultValue;
  const shown = value ? `« ${value} »` : "____";
  const hint = input.placeholder && input.placeholder !== input.label ? style.dim(` (${input.placeholder})`) : "";
  return [`${head} ${shown}${hint}`];
}
