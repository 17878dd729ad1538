import { DomainError } from "../../domain/errors/domain-error.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";

/**
 * Splits `2022-017 envoyer` into the normalised project reference and the rest as
 * typed; throws the French refusals for a missing or malformed reference.
 */
export function takeReference(args: string, usage: string): { reference: string; rest: string } {
  const trimmed = args.trim();
  const [first = "", ...others] = trimmed.split(/\s+/);
  if (!first) throw new DomainError("COMMAND_UNCLEAR", { problem: "Indiquez la référence du projet.", usage });
  const reference = normalizeReference(first);
  if (!reference) throw new DomainError("PROJECT_NOT_FOUND", { reference: first.slice(0, 40) });
  return { reference, rest: others.join(" ") };
}

/** A reason typed with or without quotes (`"travaux repoussés"`, `« … »`), trimmed; "" when none. */
export function unquote(text: string): string {
  return text
    .trim()
    .replace(/^["«“]\s*/u, "")
    .replace(/\s*["»”]$/u, "")
    .trim();
}
