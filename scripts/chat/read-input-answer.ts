import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { CardInput } from "./read-card.ts";

/** A value to submit, or a French reason to ask again. */
export type InputAnswer = { value: string } | { problem: string };

/**
 * Checks what the user typed for a card input and turns it into what Teams would
 * submit: an empty answer keeps the card's value; choices by number or title; toggles
 * by oui/non; French dates (JJ/MM/AAAA) and decimal commas accepted. Pure.
 */
export function readInputAnswer(input: CardInput, typed: string): InputAnswer {
  const answer = typed.trim();
  if (answer === "") {
    if (input.required && input.defaultValue === "") return { problem: "Ce champ est obligatoire." };
    return { value: input.defaultValue };
  }
  switch (input.type) {
    case "Input.Toggle":
      return readToggle(input, answer);
    case "Input.ChoiceSet":
      return readChoices(input, answer);
    case "Input.Number":
      return readNumber(input, answer);
    case "Input.Date":
      return readDate(answer);
    case "Input.Time":
      return readTime(answer);
    default:
      return readText(input, answer);
  }
}

/** What to pre-type for the user: the card's value, as they would type it. */
export function answerPrefill(input: CardInput): string {
  if (input.type === "Input.Toggle") return input.defaultValue === String(input.raw.valueOn ?? "true") ? "oui" : "non";
  if (input.type === "Input.ChoiceSet") {
    const selected = input.defaultValue.split(",").filter(Boolean);
    return input.choices
      .filter((choice) => selected.includes(choice.value))
      .map((choice) => choice.title)
      .join(", ");
  }
  if (input.type === "Input.Date") return input.defaultValue.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3/$2/$1");
  return input.defaultValue;
}

function readToggle(input: CardInput, answer: string): InputAnswer {
  const key = normalizeKey(answer);
  if (["oui", "o", "yes", "y", "true", "1", "x"].includes(key)) return { value: String(input.raw.valueOn ?? "true") };
  if (["non", "n", "no", "false", "0"].includes(key)) return { value: String(input.raw.valueOff ?? "false") };
  return { problem: "Répondez oui ou non." };
}

function readChoices(input: CardInput, answer: string): InputAnswer {
  const tokens = input.multiSelect
    ? answer
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean)
    : [answer];
  const values: string[] = [];
  for (const token of tokens) {
    const byNumber = /^\d+$/.test(token) ? input.choices[Number(token) - 1] : undefined;
    const key = normalizeKey(token);
    const choice =
      byNumber ?? input.choices.find((c) => normalizeKey(c.title) === key || normalizeKey(c.value) === key);
    if (!choice)
      return { problem: `Choix inconnu : « ${token} » (répondez par un numéro de 1 à ${input.choices.length}).` };
    values.push(choice.value);
  }
  return { value: values.join(",") };
}

function readNumber(input: CardInput, answer: string): InputAnswer {
  const number = Number(answer.replace(/\s/g, "").replace(",", "."));
  if (!Number.isFinite(number)) return { problem: "Un nombre est attendu." };
  const min = typeof input.raw.min === "number" ? input.raw.min : -Infinity;
  const max = typeof input.raw.max === "number" ? input.raw.max : Infinity;
  if (number < min || number > max) {
    return { problem: `Un nombre entre ${min.toLocaleString("fr-FR")} et ${max.toLocaleString("fr-FR")} est attendu.` };
  }
  return { value: String(number) };
}

function readDate(answer: string): InputAnswer {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(answer);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(answer);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : french
      ? [french[3], french[2]?.padStart(2, "0"), french[1]?.padStart(2, "0")]
      : [];
  const value = `${year}-${month}-${day}`;
  const date = new Date(`${value}T00:00:00Z`);
  if (!year || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    return { problem: "Une date est attendue (JJ/MM/AAAA)." };
  }
  return { value };
}

function readTime(answer: string): InputAnswer {
  const match = /^(\d{1,2})\s*(?:h|:)\s*(\d{2})?$/i.exec(answer);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? "0");
  if (!match || hours > 23 || minutes > 59) return { problem: "Une heure est attendue (ex. 18:30 ou 18 h 30)." };
  return { value: `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}` };
}

function readText(input: CardInput, answer: string): InputAnswer {
  const maxLength = typeof input.raw.maxLength === "number" ? input.raw.maxLength : Infinity;
  if (answer.length > maxLength) return { problem: `${maxLength} caractères au plus.` };
  if (typeof input.raw.regex === "string" && !new RegExp(input.raw.regex).test(answer)) {
    const message = typeof input.raw.errorMessage === "string" ? input.raw.errorMessage : "Format invalide.";
    return { problem: message };
  }
  return { value: answer };
}
