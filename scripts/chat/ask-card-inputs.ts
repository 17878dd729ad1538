import type { CardInput } from "./read-card.ts";
import { answerPrefill, readInputAnswer } from "./read-input-answer.ts";

export interface InputAsker {
  read(prompt: string, prefill?: string): Promise<string | null>;
  print(lines: string[]): void;
  interactive: boolean;
}

/** Wrong answers tolerated per field before the action is dropped (piped input would loop). */
const MAX_ATTEMPTS = 3;

/**
 * Asks for a card's inputs one by one, with their labels and placeholders, the card's
 * value pre-typed at a terminal (or used on an empty piped line). Null when the user
 * gives up (end of input, or repeated wrong answers).
 */
export async function askCardInputs(inputs: CardInput[], io: InputAsker): Promise<Record<string, string> | null> {
  const values: Record<string, string> = {};
  for (const input of inputs) {
    if (input.type === "Input.ChoiceSet") {
      io.print(input.choices.map((choice, index) => `    ${index + 1}. ${choice.title}`));
    }
    const prefill = answerPrefill(input);
    const hint = input.placeholder && input.placeholder !== input.label ? ` (${input.placeholder})` : "";
    const proposed = !io.interactive && prefill ? ` [Entrée : ${prefill}]` : "";
    const prompt = `  ${input.label}${input.required ? " *" : ""}${hint}${proposed} : `;
    let accepted = false;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && !accepted; attempt += 1) {
      const typed = await io.read(prompt, prefill);
      if (typed === null) return null;
      const answer = readInputAnswer(input, typed);
      if ("value" in answer) {
        values[input.id] = answer.value;
        accepted = true;
      } else {
        io.print([`  ${answer.problem}`]);
      }
    }
    if (!accepted) return null;
  }
  return values;
}
