import { createRequire } from "node:module";

// The package's ESM build (lib/) uses extensionless imports that Node cannot resolve; its UMD bundle loads anywhere.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as typeof import("adaptivecards");

type Json = Record<string, unknown>;

/** Paths of the properties present in `input` that the parser did not keep (unknown or not allowed in 1.5). */
function droppedPaths(input: unknown, output: unknown, path: string): string[] {
  if (Array.isArray(input)) {
    const out = Array.isArray(output) ? output : [];
    return input.flatMap((item, i) => droppedPaths(item, out[i], `${path}[${i}]`));
  }
  if (typeof input !== "object" || input === null) return [];
  const out = (typeof output === "object" && output !== null ? output : {}) as Json;
  return Object.entries(input as Json).flatMap(([key, value]) =>
    key in out ? droppedPaths(value, out[key], `${path}.${key}`) : [`${path}.${key} n'est pas reconnu`],
  );
}

/**
 * Checks a card the way Teams' renderer reads it: Microsoft's Adaptive Cards SDK parses
 * it for schema 1.5 (unknown element or action types, invalid property values, features
 * newer than 1.5), then every property must survive the round trip (a property the
 * parser drops is one Teams ignores). No npm package ships the 1.5 JSON schema (the
 * designer's copy predates `Action.Execute`), hence the official parser. Returns the
 * problems found, in French; an empty list means valid.
 */
export function validateAdaptiveCard(card: Json): string[] {
  const problems: string[] = [];
  if (card.type !== "AdaptiveCard") problems.push(`type = ${String(card.type)} au lieu de AdaptiveCard`);
  if (card.version !== "1.5") problems.push(`version = ${String(card.version)} au lieu de 1.5`);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`analyse : ${AC.ValidationEvent[event.event]} ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validation : ${AC.ValidationEvent[event.event]} ${event.message}`);
  }
  const { $schema: _schema, ...rest } = card;
  problems.push(...droppedPaths(rest, parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)), "card"));
  return problems;
}
