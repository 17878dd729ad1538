import type { ChatOutput } from "./chat-output.ts";
import type { TextStyle } from "./text-style.ts";

/** The bot's name before its lines, and the indent of the lines that follow (same width). */
const BOT_PREFIX = "BPC40 › ";
const INDENT = " ".repeat(BOT_PREFIX.length);

/**
 * Frames an output for the terminal: `BPC40 › ` before a message, a left rule around
 * a card, dim notices, errors in red (prefixed with ⚠ when plain). Pure.
 */
export function formatOutput(output: ChatOutput, style: TextStyle): string[] {
  const label = output.label ? style.dim(`(${output.label})`) : "";
  switch (output.kind) {
    case "message":
      return fromBot(label ? [label, ...output.lines] : output.lines);
    case "card":
      return fromBot([`┌─${label ? ` ${label}` : ""}`, ...output.lines.map((line) => `│ ${line}`), "└─"]);
    case "typing":
      return [style.dim(output.lines.join(" "))];
    case "notice":
      return output.lines.map((line) => style.dim(`${INDENT}${line}`));
    case "error":
      return output.lines.map((line) => style.color(line, "attention"));
    case "raw":
      return [style.dim(`── JSON${label ? ` ${label}` : ""}`), ...output.lines.map((line) => style.dim(line))];
  }
}

function fromBot(lines: string[]): string[] {
  return lines.map((line, index) => (index === 0 ? BOT_PREFIX : INDENT) + line);
}
